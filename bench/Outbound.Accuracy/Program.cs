using Outbound.Accuracy;

return AccuracyApp.Run(args, Console.Out, Console.Error);
