using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config => config.SetApplicationName("outbound"));
return await app.RunAsync(args);
