using AnToan.Bot.Hosting;

var app = BotHost.Build(args);
app.Run();
