#!/usr/bin/env bash
# Prepares deploy/ for building, testing and deploying; idempotent, and quick once done.
#  1. The CDK CLI and the package tools, from package-lock.json (npm ci), when node_modules is missing or stale.
#  2. Constructs.<version>.nupkg in .local-packages: Amazon.CDK.Lib needs a Constructs version the NuGet registry here
#     lacks, so it is built from the npm package of the same version with jsii-pacmak (nuget.config maps Constructs,
#     and only it, to that folder). Never committed.
set -euo pipefail
cd "$(dirname "$0")"

export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! cmp -s package-lock.json node_modules/.setup-lock.json; then
  npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.setup-lock.json
fi

npm_version=$(node -p "require('./node_modules/constructs/package.json').version")
nuget_version=$(sed -n 's/.*PackageVersion Include="Constructs" Version="\([^"]*\)".*/\1/p' ../Directory.Packages.props)
if [ "$npm_version" != "$nuget_version" ]; then
  echo "setup.sh: package.json has constructs $npm_version but Directory.Packages.props asks for Constructs $nuget_version" >&2
  exit 1
fi

package=".local-packages/Constructs.$nuget_version.nupkg"
if [ ! -f "$package" ]; then
  scratch="$PWD/.tmp/pacmak"
  rm -rf "$scratch"
  mkdir -p "$scratch" .local-packages
  # jsii-pacmak builds a C# project under $TMPDIR: these files stop it from picking up the repository's build settings.
  echo '<Project />' > "$scratch/Directory.Build.props"
  echo '<Project />' > "$scratch/Directory.Build.targets"
  printf '<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n</Project>\n' \
    > "$scratch/Directory.Packages.props"
  TMPDIR="$scratch" npx --no-install jsii-pacmak node_modules/constructs --target dotnet --outdir "$scratch/out"
  cp "$scratch/out/dotnet/Constructs.$nuget_version.nupkg" "$package.partial"
  mv "$package.partial" "$package"
  rm -rf "$scratch"
fi
