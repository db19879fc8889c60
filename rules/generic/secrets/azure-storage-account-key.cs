class Storage
{
    // ruleid: generic.secrets.azure-storage-account-key
    const string Conn = "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=Zk3xQ9rT7yU2iO5pA8sD1fG4hJ6kL0zX3cV7bN9mQ2wE5rT8yU1iO4pA7sD0fG3hJ6kL9zX2cV5bN8mQ1wE4rT==;EndpointSuffix=core.windows.net";
    // ok: generic.secrets.azure-storage-account-key
    const string Local = "UseDevelopmentStorage=true";
    // ok: generic.secrets.azure-storage-account-key
    const string FromEnv = "AccountKey=" + System.Environment.GetEnvironmentVariable("KEY");
}
