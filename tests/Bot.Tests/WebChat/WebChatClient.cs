using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;

namespace AnToan.Bot.Tests.WebChat;

/// <summary>Calls the web chat endpoints the way the page does.</summary>
internal sealed class WebChatClient(HttpClient http)
{
    public const string Base = "/api/web/conversations";

    public async Task<JObject> StartAsync(string body = "{}")
    {
        var response = await http.PostAsync(Base, Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JObject.Parse(await response.Content.ReadAsStringAsync());
    }

    public Task<HttpResponseMessage> PostAsync(string conversationId, string body) =>
        http.PostAsync($"{Base}/{conversationId}/messages", Json(body));

    public async Task<JArray> SayAsync(string conversationId, string text)
    {
        var response = await PostAsync(conversationId, new JObject { ["text"] = text }.ToString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JArray)JObject.Parse(await response.Content.ReadAsStringAsync())["activities"]!;
    }

    public async Task<JArray> HistoryAsync(string conversationId)
    {
        var response = await http.GetAsync($"{Base}/{conversationId}/history");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JArray)JObject.Parse(await response.Content.ReadAsStringAsync())["activities"]!;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
