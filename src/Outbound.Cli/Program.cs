using System.Text;
using Outbound.Cli;
using Spectre.Console;

Console.OutputEncoding = Encoding.UTF8;

var errors = new ErrorOutput(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }));
var app = OutboundApp.Create(AnsiConsole.Console, errors, TimeProvider.System);
return await app.RunAsync(OutboundApp.Arguments(args));
