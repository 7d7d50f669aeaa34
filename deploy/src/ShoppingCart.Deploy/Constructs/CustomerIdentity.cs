using Amazon.CDK;
using Amazon.CDK.AWS.Cognito;
using Constructs;

namespace ShoppingCart.Deploy.Constructs;

/// <summary>
/// Who the callers are: a Cognito user pool of customers (no self sign-up: an operator creates users) and an app
/// client without a secret that signs in with a user name and password (SRP or, for scripts and the README's AWS CLI
/// walk-through, USER_PASSWORD_AUTH). Its ID tokens are what the API's Cognito authorizer and the app itself accept;
/// a token's subject (<c>sub</c>) is the customer who owns carts.
/// </summary>
internal sealed class CustomerIdentity : Construct
{
    public CustomerIdentity(Construct scope, string id, string stackName, bool throwaway)
        : base(scope, id)
    {
        UserPool = new UserPool(this, "Customers", new UserPoolProps
        {
            UserPoolName = $"{stackName}-customers",
            SelfSignUpEnabled = false,
            SignInAliases = new SignInAliases { Username = true, Email = true },
            PasswordPolicy = new PasswordPolicy
            {
                MinLength = 12,
                RequireDigits = true,
                RequireLowercase = true,
                RequireUppercase = true,
                RequireSymbols = false,
            },
            AccountRecovery = AccountRecovery.EMAIL_ONLY,
            DeletionProtection = !throwaway,
            RemovalPolicy = throwaway ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
        });

        Client = UserPool.AddClient("ApiClient", new UserPoolClientOptions
        {
            GenerateSecret = false,
            AuthFlows = new AuthFlow { UserSrp = true, UserPassword = true },
            IdTokenValidity = Duration.Hours(1),
            AccessTokenValidity = Duration.Hours(1),
            PreventUserExistenceErrors = true,
        });
    }

    public UserPool UserPool { get; }

    public UserPoolClient Client { get; }

    /// <summary>
    /// The tokens' <c>iss</c>, https://cognito-idp.&lt;region&gt;.amazonaws.com/&lt;user pool id&gt; (the pool's
    /// ProviderURL attribute lacks the scheme), whose discovery document names the keys that sign them.
    /// </summary>
    public string Issuer => $"https://cognito-idp.{Stack.Of(this).Region}.amazonaws.com/{UserPool.UserPoolId}";
}
