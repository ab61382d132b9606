namespace Paritrana.Web.Infrastructure;

/// <summary>
/// Names the instance that answered, in an <c>X-Paritrana-Instance</c> header on every response,
/// when <c>Cluster:InstanceName</c> is set (scripts/cluster.sh sets it to web1, web2...). Behind a
/// load balancer this tells an operator, and the cluster test, which instance served a request.
/// Unset (the default), nothing is sent: an outsider learns nothing about the deployment.
/// </summary>
public static class InstanceHeader
{
    public const string Name = "X-Paritrana-Instance";

    public static IApplicationBuilder UseInstanceHeader(this WebApplication app)
    {
        if (app.Configuration["Cluster:InstanceName"] is not { Length: > 0 } instance)
        {
            return app;
        }

        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[Name] = instance;
                return Task.CompletedTask;
            });
            await next();
        });
    }
}
