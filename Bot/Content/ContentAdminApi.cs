using System.Globalization;
using AnToan.Bot.Admin;
using AnToan.Knowledge;
using AnToan.Knowledge.Model;
using Microsoft.AspNetCore.Http.Features;

namespace AnToan.Bot.Content;

/// <summary>Content versions under /api/admin/content: import a guidance document into a draft, review and try it,
/// publish it as a new version, list the versions and restore one. Every change is in the audit log.</summary>
public static class ContentAdminApi
{
    /// <summary>Largest document imported.</summary>
    public const long MaxImportBytes = 10 * 1024 * 1024;

    /// <summary>What a multipart body may add to the file (boundaries, the other fields).</summary>
    private const long FormOverhead = 64 * 1024;

    public static RouteGroupBuilder MapContentAdmin(this RouteGroupBuilder admin)
    {
        var content = admin.MapGroup("/content");
        content.MapPost("/imports", Import).WithMetadata(new BodySizeLimit(MaxImportBytes + FormOverhead));
        content.MapGet("/drafts", (IDraftStore drafts) => Results.Ok(drafts.List().Select(d => new
        {
            d.DraftId, d.FileName, d.Year, d.Document.Number, d.CreatedAt, d.CreatedBy, d.PublishedVersion,
        })));
        content.MapGet("/drafts/{id}", (string id, IDraftStore drafts) => drafts.Get(id) is { } d ? Results.Ok(d) : Results.NotFound());
        content.MapPut("/drafts/{id}", Edit);
        content.MapPost("/drafts/{id}/preview", Preview);
        content.MapPost("/drafts/{id}/publish", Publish);
        content.MapGet("/versions", (IContentVersionStore store, KnowledgeStore knowledge) => Results.Ok(store.List().Select(v => new
        {
            v.Version, v.Year, v.Title, v.Note, v.PublishedAt, v.PublishedBy, Current = v.Version == knowledge.Version,
        })));
        content.MapPost("/versions/{version:int}/restore", Restore);
        return admin;
    }

    private static async Task<IResult> Import(HttpContext http, KnowledgeStore knowledge, ContentReview review, AdminAudit audit)
    {
        IFormCollection form;
        try { form = await http.Request.ReadFormAsync(http.RequestAborted); }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException)
        {
            return Refused(http, audit, "content-import", StatusCodes.Status400BadRequest, "bad-form", $"the request is not a multipart form with a 'file': {e.Message}");
        }
        if (form.Files.GetFile("file") is not { } file)
            return Refused(http, audit, "content-import", StatusCodes.Status400BadRequest, "no-file", "send the document in the form field 'file'");
        if (file.Length > MaxImportBytes)
            return Refused(http, audit, "content-import", StatusCodes.Status413PayloadTooLarge, "too-large", $"the document is larger than {MaxImportBytes / (1024 * 1024)} MB");
        var (overrides, fieldError) = Overrides(form);
        if (fieldError is not null)
            return Refused(http, audit, "content-import", StatusCodes.Status400BadRequest, "bad-field", fieldError);

        ImportedGuidance guidance;
        try
        {
            await using var stream = file.OpenReadStream();
            guidance = new GuidanceImporter(knowledge.Current).Import(stream, file.FileName, overrides!);
        }
        catch (ImportException e)
        {
            var status = e.Problem == ImportProblem.UnsupportedType ? StatusCodes.Status415UnsupportedMediaType : StatusCodes.Status400BadRequest;
            return Refused(http, audit, "content-import", status, System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(e.Problem.ToString()), e.Message);
        }
        var draft = review.Create(guidance, Path.GetFileName(file.FileName), AdminActor.Of(http));
        audit.Record(http, "content-import", detail: $"{draft.DraftId} {file.FileName} {draft.Document.Number} {draft.Year}");
        return Results.Created($"/api/admin/content/drafts/{draft.DraftId}", draft);
    }

    /// <summary>The optional form fields; an unreadable one is an error naming it.</summary>
    private static (ImportOverrides? Overrides, string? Error) Overrides(IFormCollection form)
    {
        string? Field(string name) => form[name].ToString() is { Length: > 0 } v ? v.Trim() : null;
        int? year = null;
        if (Field("year") is { } y)
        {
            if (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed is < DraftValidator.MinYear or > DraftValidator.MaxYear)
                return (null, $"'year' must be a year between {DraftValidator.MinYear} and {DraftValidator.MaxYear}");
            year = parsed;
        }
        DateOnly? issued = null;
        if (Field("issued") is { } i)
        {
            if (IsoDate.Parse(i) is not { } date) return (null, "'issued' must be a date yyyy-mm-dd");
            issued = date;
        }
        return (new ImportOverrides(year, Field("number"), Field("issuer"), issued, Field("title")), null);
    }

    private static async Task<IResult> Edit(string id, HttpContext http, IDraftStore drafts, ContentReview review, AdminAudit audit)
    {
        if (drafts.Get(id) is not { } draft) return Results.NotFound();
        if (draft.PublishedVersion is not null)
            return Refused(http, audit, "content-edit", StatusCodes.Status409Conflict, "published", $"the draft was published as version {draft.PublishedVersion}; import the document again to change it");
        DraftEdit? edit;
        try { edit = await http.Request.ReadFromJsonAsync<DraftEdit>(EditOptions, http.RequestAborted); }
        catch (System.Text.Json.JsonException e)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { [e.Path is { Length: > 2 } p ? p[2..] : "body"] = [e.Message] });
        }
        if (edit is null) return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["required"] });
        var (edited, errors) = review.Edit(draft, edit);
        if (errors is not null) return Results.ValidationProblem(errors);
        audit.Record(http, "content-edit", detail: id);
        return Results.Ok(edited);
    }

    /// <summary>An edit is read as content is, except that the draft's read-only parts (its id, paragraphs, dates...)
    /// may come back with it: a page PUTs back the draft it GOT.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions EditOptions = new(ContentJson.WriteOptions)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip,
    };

    private sealed record PreviewRequest(string? Question);

    private static IResult Preview(string id, PreviewRequest request, IDraftStore drafts, ContentReview review)
    {
        if (drafts.Get(id) is not { } draft) return Results.NotFound();
        if (string.IsNullOrWhiteSpace(request.Question)) return Results.ValidationProblem(new Dictionary<string, string[]> { ["question"] = ["required"] });
        try { return Results.Ok(review.Preview(draft, request.Question)); }
        catch (ContentException e) { return Results.ValidationProblem(new Dictionary<string, string[]> { ["content"] = [e.Message] }); }
    }

    private sealed record PublishRequest(string? Note);

    private static async Task<IResult> Publish(string id, HttpContext http, IDraftStore drafts, ContentReview review, AdminAudit audit)
    {
        if (drafts.Get(id) is not { } draft) return Results.NotFound();
        var note = http.Request.HasJsonContentType()
            ? (await http.Request.ReadFromJsonAsync<PublishRequest>(http.RequestAborted))?.Note
            : null;
        var outcome = review.Publish(draft, AdminActor.Of(http), note);
        switch (outcome.Change)
        {
            case ContentChange.Done:
                audit.Record(http, "content-publish", detail: $"{id} → version {outcome.Version}");
                return Results.Ok(new { outcome.Version });
            case ContentChange.Invalid:
                audit.Record(http, "content-publish", succeeded: false, detail: $"{id}: {string.Join("; ", outcome.Errors!.Keys)}");
                return Results.ValidationProblem(outcome.Errors!);
            default:
                return Refused(http, audit, "content-publish", StatusCodes.Status409Conflict, "conflict",
                    "the draft was published already, or the content changed since it was saved: save it again (which reviews it against the content in service), then publish");
        }
    }

    private static IResult Restore(int version, HttpContext http, ContentVersions versions, AdminAudit audit)
    {
        try
        {
            return versions.Restore(version) switch
            {
                ContentChange.Done => Recorded(http, audit, "content-restore", $"version {version}", Results.Ok(new { Version = version })),
                ContentChange.NotFound => Results.NotFound(),
                _ => Refused(http, audit, "content-restore", StatusCodes.Status409Conflict, "conflict", "another change to the content came first; reload and try again"),
            };
        }
        catch (ContentException e)
        {
            return Refused(http, audit, "content-restore", StatusCodes.Status422UnprocessableEntity, "invalid", $"version {version} does not load: {e.Message}");
        }
    }

    private static IResult Recorded(HttpContext http, AdminAudit audit, string action, string detail, IResult result)
    {
        audit.Record(http, action, detail: detail);
        return result;
    }

    private static IResult Refused(HttpContext http, AdminAudit audit, string action, int status, string error, string reason)
    {
        audit.Record(http, action, succeeded: false, detail: reason);
        return Results.Json(new { Error = error, Reason = reason }, statusCode: status);
    }
}

/// <summary>An endpoint whose requests may be larger than Bot:MaxRequestBodyBytes (see InputLimits).</summary>
public sealed record BodySizeLimit(long Bytes);
