using AnToan.Bot.Hosting;

if (args is [TeamsPackageCommand.Name, ..])
    return TeamsPackageCommand.Run(args[1..], Console.Out, Console.Error);

BotHost.Build(args).Run();
return 0;
