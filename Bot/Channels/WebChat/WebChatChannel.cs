namespace AnToan.Bot.Channels.WebChat;

public static class WebChatChannel
{
    public static IServiceCollection AddWebChat(this IServiceCollection services) => services;

    public static void MapWebChat(this WebApplication app) { }
}
