// The "Nội dung" page: import a guidance document into a draft, review and edit it beside the source paragraphs,
// try questions against it, publish it as a content version, and restore an earlier version.
// Uses the helpers of admin.js (window.adminKit); every value from the server goes into the page as text.
(() => {
  "use strict";

  const { $, api, json, el, fillTable, pill, when, day, loadAudit } = window.adminKit;
  const BASE = "content/";

  const state = {
    draft: null,        // the draft as last loaded or saved
    dirty: false,       // edits not saved yet
    versions: [],
  };

  // ---- words ------------------------------------------------------------------------------------------------
  const factTypes = {
    date: "Ngày, thời hạn", number: "Con số, chỉ tiêu", actor: "Cơ quan, người thực hiện", definition: "Định nghĩa",
    action: "Việc phải làm", list: "Danh sách", reference: "Văn bản dẫn chiếu",
  };
  const calendarCategories = { observance: "Ngày kỷ niệm", campaign: "Đợt cao điểm", election: "Bầu cử", deadline: "Thời hạn" };
  const missingFields = { number: "số, ký hiệu", issued: "ngày ban hành", issuer: "cơ quan ban hành", title: "trích yếu" };

  /** The validator's messages (English, stable) in the officer's words; anything else is shown as it came. */
  function errorText(message) {
    const m = String(message);
    const rules = [
      [/^required$/, () => "Cần điền mục này."],
      [/^not a date/, () => "Ngày không hợp lệ: ghi theo dạng ngày/tháng/năm, VD: 18/12/2026."],
      [/^letters, digits and '-' only$/, () => "Mã chỉ gồm chữ không dấu, chữ số và dấu gạch ngang (-)."],
      [/^'(.+)' is used twice$/, (x) => `Mã “${x[1]}” bị dùng hai lần.`],
      [/^'(.+)' is already used by other content$/, (x) => `Mã “${x[1]}” đã được dùng ở nội dung khác.`],
      [/^already used$/, () => "Mã này đã được dùng ở nội dung khác."],
      [/^not a passage of this draft$/, () => "Hãy chọn một đoạn hướng dẫn của bản nháp này."],
      [/^one of /, () => "Hãy chọn một giá trị trong danh sách."],
      [/^between (\d+) and (\d+)$/, (x) => `Phải từ ${x[1]} đến ${x[2]}.`],
      [/^a month 1-12/, () => "Tháng từ 1 đến 12, ngày từ 1 đến 31 (có thể để trống ngày nếu cả tháng)."],
    ];
    for (const [pattern, say] of rules) {
      const x = pattern.exec(m);
      if (x) return say(x);
    }
    return m;
  }

  const who = (actor) => window.adminKit.auditWho(actor);

  // ---- small helpers ----------------------------------------------------------------------------------------
  function banner(box, kind, ...children) {
    box.classList.toggle("error-banner", kind === "error");
    box.classList.toggle("warn-banner", kind === "warn");
    box.replaceChildren(...children);
    box.hidden = children.length === 0;
  }

  async function readJson(response) {
    try { return await response.json(); } catch { return null; }
  }

  /** Sends JSON to the content API; returns { ok, status, body }. A lost connection is a status 0. */
  async function send(method, path, body) {
    try {
      const response = await api(BASE + path, {
        method,
        headers: body === undefined ? {} : { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { ok: response.ok, status: response.status, body: await readJson(response) };
    } catch (e) {
      if (e.message === "signed out") throw e;
      return { ok: false, status: 0, body: null };
    }
  }

  const offline = "Không kết nối được với máy chủ. Những gì bạn đã nhập vẫn còn trên trang; hãy kiểm tra mạng rồi thử lại.";

  function failure(result, what) {
    if (result.status === 0) return offline;
    if (result.body && result.body.reason) return result.body.reason;
    return `${what} không thành công (mã lỗi ${result.status}). Hãy thử lại.`;
  }

  const lines = (text) => String(text || "").split("\n").map((l) => l.trim()).filter((l) => l.length > 0);
  const orNull = (text) => (String(text || "").trim() === "" ? null : String(text).trim());
  const intOrNull = (text) => (String(text || "").trim() === "" ? null : Number.parseInt(text, 10));

  /** A date typed as ngày/tháng/năm (or ISO) as ISO yyyy-mm-dd; "" is null; anything else comes back as typed, for
   * the server to refuse next to its field. */
  function isoOf(text) {
    const t = String(text || "").trim();
    if (t === "") return null;
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
    if (m) return `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`;
    return t;
  }

  // ---- markdown of a reply, as the web chat draws it ----------------------------------------------------------
  // **bold**, *italic* or _italic_, [label](http...) and bare http(s) URLs.
  const INLINE = /\*\*(.+?)\*\*|\*(?!\s)(.+?)\*|(?<![\p{L}\p{N}_])_(?!\s)(.+?)_(?![\p{L}\p{N}_])|\[([^\]\n]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s<>"]+)/gu;

  function safeUrl(raw) {
    try {
      const url = new URL(String(raw), window.location.href);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch {
      return null;
    }
  }

  function appendInline(parent, text) {
    let last = 0;
    for (const m of text.matchAll(INLINE)) {
      if (m.index > last) parent.append(text.slice(last, m.index));
      last = m.index + m[0].length;
      if (m[1] !== undefined) parent.append(inline("strong", m[1]));
      else if (m[2] !== undefined || m[3] !== undefined) parent.append(inline("em", m[2] ?? m[3]));
      else {
        const label = m[4] !== undefined ? m[4] : m[6];
        const href = safeUrl(m[4] !== undefined ? m[5] : m[6]);
        parent.append(href ? el("a", { href, target: "_blank", rel: "noopener noreferrer" }, label) : m[0]);
      }
    }
    if (last < text.length) parent.append(text.slice(last));
  }

  function inline(tag, text) {
    const node = el(tag);
    appendInline(node, text);
    return node;
  }

  /** Paragraphs (blank lines), line breaks, and lists of "- " or "1. " lines. */
  function renderMarkdown(text, container) {
    let paragraph = null, list = null;
    for (const line of String(text).replace(/\r\n?/g, "\n").split("\n")) {
      const bullet = /^\s*[-*•]\s+(.*)$/.exec(line);
      const numbered = /^\s*(\d{1,4})[.)]\s+(.*)$/.exec(line);
      if (bullet || numbered) {
        const tag = bullet ? "ul" : "ol";
        if (!list || list.tagName.toLowerCase() !== tag) {
          list = el(tag);
          if (numbered && numbered[1] !== "1") list.start = Number(numbered[1]);
          container.append(list);
        }
        paragraph = null;
        list.append(inline("li", bullet ? bullet[1] : numbered[2]));
      } else if (line.trim() === "") {
        paragraph = null; list = null;
      } else {
        list = null;
        if (paragraph) paragraph.append(el("br"));
        else container.append(paragraph = el("p"));
        appendInline(paragraph, line);
      }
    }
  }

  const valueOf = (node, name) => node.querySelector(`[data-field='${name}']`);

  // ---- form fields ------------------------------------------------------------------------------------------
  let fieldCount = 0;

  /** A labelled control; `field` names it in the item (e.g. "title", "source.part"), for collecting and for errors. */
  function field(labelText, control, options = {}) {
    const id = control.id || "f" + (++fieldCount);
    control.id = id;
    control.dataset.field = options.name;
    const wrap = el("div", { class: "field" + (options.wide ? " wide" : "") }, el("label", { for: id }, labelText), control);
    if (options.when) wrap.dataset.when = options.when;
    if (options.hint) {
      const hint = el("span", { class: "hint", id: id + "-hint" }, options.hint);
      control.setAttribute("aria-describedby", hint.id);
      wrap.append(hint);
    }
    return wrap;
  }

  function input(name, value, type = "text", attrs = {}) {
    const node = el("input", { type, ...attrs });
    node.value = value === null || value === undefined ? "" : String(value);
    return { node, name };
  }

  /** Dates are typed and shown as ngày/tháng/năm whatever the browser's language. */
  function dateInput(name, iso) {
    return input(name, iso ? day(iso) : "", "text", { inputmode: "numeric", placeholder: "ngày/tháng/năm", autocomplete: "off" });
  }

  function textarea(name, value, rows = 3) {
    const node = el("textarea", { rows: String(rows) });
    node.value = value === null || value === undefined ? "" : String(value);
    return { node, name };
  }

  function select(name, value, options) {
    const node = el("select");
    for (const [v, text] of Object.entries(options)) node.append(el("option", { value: v }, text));
    if (value !== null && value !== undefined && !(value in options)) node.append(el("option", { value }, value));
    node.value = value ?? "";
    return { node, name };
  }

  const f = (labelText, control, options = {}) => field(labelText, control.node, { ...options, name: control.name });

  // ---- draft editor: one card per item ----------------------------------------------------------------------
  const kinds = {
    passages: { label: "Đoạn", noun: "đoạn hướng dẫn", slug: "doan", blank: (doc) => ({ id: "", title: "", text: "", source: { document: doc, part: null }, paraphrases: [] }) },
    facts: { label: "Dữ kiện", noun: "dữ kiện", slug: "du-kien", blank: (doc) => ({ id: "", passage: "", type: "date", answer: "", source: { document: doc, part: null }, paraphrases: [], date: null }) },
    checklist: { label: "Việc", noun: "việc cần làm", slug: "viec", blank: (doc) => ({ id: "", title: "", guidance: "", source: { document: doc, part: null }, due: null, dueText: null, evidence: [] }) },
    calendar: {
      label: "Mốc", noun: "mốc lịch", slug: "lich",
      blank: (doc) => ({ id: "", title: "", category: "observance", source: { document: doc, part: null }, template: "", recurring: true, month: null, day: null, date: null, leadDays: [7, 0], duties: null, note: null }),
    },
  };

  function passageOptions() {
    const options = { "": "— Chọn đoạn —" };
    for (const card of $("list-passages").children) {
      const id = card.querySelector("[data-field=id]").value.trim();
      const title = card.querySelector("[data-field=title]").value.trim();
      if (id) options[id] = title ? `${title} (${id})` : id;
    }
    return options;
  }

  function fieldsOf(kind, item) {
    const part = f("Trích từ phần", input("source.part", item.source && item.source.part), { hint: "VD: đoạn 5, II. 3." });
    const id = f("Mã", input("id", item.id, "text", { spellcheck: "false", autocapitalize: "off" }), { hint: "Chữ không dấu, số, dấu gạch ngang." });
    switch (kind) {
      case "passages":
        return {
          main: [
            f("Tiêu đề", input("title", item.title), { wide: true }),
            f("Nội dung", textarea("text", item.text, 5), { wide: true }),
            f("Cách hỏi khác (mỗi dòng một câu)", textarea("paraphrases", (item.paraphrases || []).join("\n"), 3), { wide: true }),
          ],
          more: [part, id],
        };
      case "facts":
        return {
          main: [
            f("Câu trả lời", textarea("answer", item.answer, 3), { wide: true }),
            f("Loại", select("type", item.type, factTypes)),
            f("Ngày (nếu là thời hạn)", dateInput("date", item.date)),
            f("Thuộc đoạn hướng dẫn", select("passage", item.passage, passageOptions()), { wide: true }),
            f("Câu hỏi (mỗi dòng một câu)", textarea("paraphrases", (item.paraphrases || []).join("\n"), 3), { wide: true }),
          ],
          more: [part, id],
        };
      case "checklist":
        return {
          main: [
            f("Tên việc", input("title", item.title), { wide: true }),
            f("Hướng dẫn thực hiện", textarea("guidance", item.guidance, 3), { wide: true }),
            f("Thời hạn", dateInput("due", item.due)),
            f("Thời hạn ghi bằng chữ", input("dueText", item.dueText), { hint: "VD: Quý I, trước ngày 15/12" }),
            f("Hồ sơ, minh chứng (mỗi dòng một loại)", textarea("evidence", (item.evidence || []).join("\n"), 2), { wide: true }),
          ],
          more: [part, id],
        };
      default: {
        const recurring = el("input", { type: "checkbox" });
        recurring.checked = !!item.recurring;
        return {
          main: [
            f("Tên mốc", input("title", item.title), { wide: true }),
            f("Nhóm", select("category", item.category, calendarCategories)),
            field("Lặp lại hằng năm", recurring, { name: "recurring" }),
            f("Tháng", input("month", item.month, "number", { min: "1", max: "12", inputmode: "numeric" }), { when: "recurring" }),
            f("Ngày trong tháng", input("day", item.day, "number", { min: "1", max: "31", inputmode: "numeric" }), { when: "recurring", hint: "Để trống nếu cả tháng." }),
            f("Ngày diễn ra", dateInput("date", item.date), { when: "once" }),
            f("Báo trước (số ngày)", input("leadDays", (item.leadDays || []).join(", "), "text", { inputmode: "numeric" }), { hint: "VD: 7, 0 (0 là đúng ngày)" }),
            f("Việc cần làm dịp này", textarea("duties", item.duties, 2), { wide: true }),
            f("Ghi chú", input("note", item.note), { wide: true }),
          ],
          more: [f("Mẫu thông báo", textarea("template", item.template, 3), { wide: true }), part, id],
        };
      }
    }
  }

  function card(kind, item) {
    const { main, more } = fieldsOf(kind, item);
    const heading = el("span", { class: "item-title" });
    const remove = el("button", { type: "button", class: "small danger" }, "Xóa");
    const node = el("div", { class: "item", dataset: { kind } },
      el("div", { class: "item-head" }, heading, remove),
      el("div", { class: "form-grid" }, ...main),
      el("details", { class: "more" }, el("summary", {}, "Nguồn và mã"), el("div", { class: "form-grid" }, ...more)));
    node.original = item;
    if (kind === "calendar") {
      const recurring = valueOf(node, "recurring");
      const sync = () => {
        for (const wrap of node.querySelectorAll("[data-when]")) wrap.hidden = (wrap.dataset.when === "recurring") !== recurring.checked;
      };
      recurring.addEventListener("change", sync);
      sync();
    }
    remove.addEventListener("click", () => removeItem(node));
    node.addEventListener("focusin", () => highlightSource(node));
    return node;
  }

  function renderList(kind, items) {
    $("list-" + kind).replaceChildren(...items.map((item) => card(kind, item)));
    renumber(kind);
  }

  /** Titles, counts and error paths ("passages[2].text") follow the order of the cards. */
  function renumber(kind) {
    const cards = [...$("list-" + kind).children];
    cards.forEach((node, i) => {
      node.dataset.index = String(i);
      node.querySelector(".item-title").textContent = `${kinds[kind].label} ${i + 1}`;
      node.querySelector(".danger").setAttribute("aria-label", `Xóa ${kinds[kind].noun} ${i + 1}`);
      for (const control of node.querySelectorAll("[data-field]")) control.dataset.path = `${kind}[${i}].${control.dataset.field}`;
    });
    $("count-" + kind).textContent = `(${cards.length})`;
  }

  function newId(kind) {
    const doc = ($("doc-id").value || "moi").trim();
    const used = new Set([...document.querySelectorAll("#draft-form [data-field=id]")].map((i) => i.value.trim()));
    for (let n = 1; ; n++) {
      const id = `${doc}-${kinds[kind].slug}-${n}`;
      if (!used.has(id)) return id;
    }
  }

  function addItem(kind) {
    const item = { ...kinds[kind].blank($("doc-id").value), id: newId(kind) };
    const node = card(kind, item);
    $("list-" + kind).append(node);
    renumber(kind);
    if (kind === "passages") refreshPassageChoices();
    markDirty();
    node.querySelector("input, textarea").focus();
  }

  function removeItem(node) {
    const kind = node.dataset.kind;
    const title = node.querySelector("[data-field=title], [data-field=answer]");
    const what = title && title.value.trim() ? `“${title.value.trim().slice(0, 80)}”` : `${kinds[kind].noun} ${Number(node.dataset.index) + 1}`;
    if (!window.confirm(`Xóa ${what} khỏi bản nháp? (Chỉ có hiệu lực khi bạn lưu bản nháp.)`)) return;
    node.remove();
    renumber(kind);
    if (kind === "passages") refreshPassageChoices();
    markDirty();
  }

  /** The facts' "thuộc đoạn" lists follow the passages as they are added, removed and renamed. */
  function refreshPassageChoices() {
    const options = passageOptions();
    for (const choice of $("list-facts").querySelectorAll("[data-field=passage]")) {
      const value = choice.value;
      choice.replaceChildren(...Object.entries(options).map(([v, text]) => el("option", { value: v }, text)));
      if (value && !(value in options)) choice.append(el("option", { value }, `${value} (không còn trong bản nháp)`));
      choice.value = value;
    }
  }

  function highlightSource(node) {
    const part = node.querySelector("[data-field='source.part']").value.trim();
    let first = null;
    for (const li of $("draft-paragraphs").children) {
      const on = part !== "" && li.dataset.part === part;
      li.classList.toggle("cited", on);
      if (on && !first) first = li;
    }
    if (first) {
      const box = $("draft-paragraphs").closest(".source");
      box.scrollTo({ top: first.offsetTop - 60, behavior: "smooth" });
    }
  }

  // ---- the draft: show, collect, save -----------------------------------------------------------------------
  function renderDocument(draft) {
    const d = draft.document;
    const idInput = input("document.id", d.id, "text", { spellcheck: "false", autocapitalize: "off" });
    idInput.node.id = "doc-id";
    const fields = [
      f("Năm áp dụng", input("year", draft.year, "number", { min: "2000", max: "2100", inputmode: "numeric" })),
      f("Số, ký hiệu", input("document.number", d.number)),
      f("Loại văn bản", input("document.kind", d.kind), { hint: "VD: Hướng dẫn, Kế hoạch" }),
      f("Ngày ban hành", dateInput("document.date", d.date)),
      f("Cơ quan ban hành", input("document.issuer", d.issuer), { wide: true }),
      f("Trích yếu", textarea("document.subject", d.subject, 2), { wide: true }),
      f("Tên gọi khác (mỗi dòng một tên)", textarea("document.aliases", (d.aliases || []).join("\n"), 2), { wide: true }),
    ];
    const idField = field("Mã văn bản", idInput.node, { name: "document.id", hint: "Chữ không dấu, số, dấu gạch ngang." });
    for (const control of [...fields.map((x) => x.querySelector("[data-field]")), idInput.node]) control.dataset.path = control.dataset.field;
    $("doc-fields").replaceChildren(...fields, idField);
  }

  function renderSource(draft) {
    $("draft-paragraphs").replaceChildren(...draft.paragraphs.map((p) =>
      el("li", { class: "para " + p.role, dataset: { part: p.part } }, el("span", { class: "part" }, p.part), el("span", { class: "text" }, p.text))));
    $("draft-dates").replaceChildren(...(draft.dates.length === 0
      ? [el("li", { class: "muted" }, "Không tìm thấy ngày nào.")]
      : draft.dates.map((d) => el("li", {}, el("strong", {}, day(d.date)), ` (${d.part}) — ${d.sentence}`))));
  }

  function renderDraft(draft) {
    state.draft = draft;
    const published = draft.publishedVersion !== null && draft.publishedVersion !== undefined;
    $("draft-title").textContent = `Bản nháp: ${draft.document.number || draft.fileName} — năm ${draft.year}`;
    $("draft-summary").textContent = `Tệp ${draft.fileName} · tải lên ${when(draft.createdAt)} bởi ${who(draft.createdBy)}` +
      (draft.updatedAt ? ` · lưu lần cuối ${when(draft.updatedAt)}` : "") + ` · soạn trên phiên bản ${draft.basedOn}`;
    const notices = [];
    if (published) notices.push(`Bản nháp này đã được xuất bản thành phiên bản ${draft.publishedVersion} nên không sửa được nữa. Muốn thay đổi, hãy tải văn bản lên lại để tạo bản nháp mới.`);
    else if (draft.missing && draft.missing.length > 0)
      notices.push(`Bot không đọc được ${draft.missing.map((m) => missingFields[m] || m).join(", ")} trong văn bản: hãy điền vào phần “Thông tin văn bản” trước khi xuất bản.`);
    banner($("draft-notice"), "warn", ...notices);
    banner($("draft-errors"), "error");
    renderSource(draft);
    renderDocument(draft);
    renderList("passages", draft.passages);
    renderList("facts", draft.facts);
    renderList("checklist", draft.checklist);
    renderList("calendar", draft.calendar);
    $("draft-fields").disabled = published;
    $("draft-save").disabled = published;
    $("publish").disabled = published;
    for (const button of document.querySelectorAll("#draft-form [data-add]")) button.hidden = published;
    setDirty(false);
    $("draft-state").textContent = published ? "Đã xuất bản." : "";
    $("draft").hidden = false;
  }

  function collectItem(kind, node) {
    const v = (name) => valueOf(node, name).value;
    const o = node.original;
    const source = { ...(o.source || {}), part: orNull(v("source.part")) };
    const keepList = (name, text) => (lines(text).length === 0 && (o[name] === null || o[name] === undefined) ? o[name] ?? null : lines(text));
    switch (kind) {
      case "passages":
        return { ...o, id: v("id").trim(), title: v("title").trim(), text: v("text").trim(), source, paraphrases: keepList("paraphrases", v("paraphrases")) };
      case "facts":
        return { ...o, id: v("id").trim(), passage: v("passage"), type: v("type"), answer: v("answer").trim(), source, date: isoOf(v("date")), paraphrases: keepList("paraphrases", v("paraphrases")) };
      case "checklist":
        return { ...o, id: v("id").trim(), title: v("title").trim(), guidance: v("guidance").trim(), source, due: isoOf(v("due")), dueText: orNull(v("dueText")), evidence: keepList("evidence", v("evidence")) };
      default: {
        const leadDays = String(v("leadDays")).split(/[,;\s]+/).filter((x) => x !== "").map((x) => Number.parseInt(x, 10)).filter((x) => Number.isFinite(x));
        return {
          ...o, id: v("id").trim(), title: v("title").trim(), category: v("category"), source, template: v("template"),
          recurring: valueOf(node, "recurring").checked, month: intOrNull(v("month")), day: intOrNull(v("day")), date: isoOf(v("date")),
          leadDays: leadDays.length === 0 && !o.leadDays ? o.leadDays ?? null : leadDays, duties: orNull(v("duties")), note: orNull(v("note")),
        };
      }
    }
  }

  /** The draft as the officer sees it now: the loaded draft with every field of the editor. */
  function collectDraft() {
    const d = state.draft;
    const doc = (name) => $("doc-fields").querySelector(`[data-field='document.${name}']`).value;
    const year = Number.parseInt($("doc-fields").querySelector("[data-field=year]").value, 10);
    const aliases = lines(doc("aliases"));
    return {
      ...d,
      year: Number.isFinite(year) ? year : 0,
      document: {
        ...d.document, id: doc("id").trim(), number: doc("number").trim(), kind: doc("kind").trim(), date: isoOf(doc("date")),
        issuer: doc("issuer").trim(), subject: doc("subject").trim(), aliases: aliases.length === 0 && !d.document.aliases ? d.document.aliases ?? null : aliases,
      },
      passages: [...$("list-passages").children].map((n) => collectItem("passages", n)),
      facts: [...$("list-facts").children].map((n) => collectItem("facts", n)),
      checklist: [...$("list-checklist").children].map((n) => collectItem("checklist", n)),
      calendar: [...$("list-calendar").children].map((n) => collectItem("calendar", n)),
    };
  }

  function clearFieldErrors() {
    for (const node of document.querySelectorAll("#draft-form .field-error")) node.remove();
    for (const node of document.querySelectorAll("#draft-form [aria-invalid]")) node.removeAttribute("aria-invalid");
    banner($("draft-errors"), "error");
  }

  /** Each error next to its field ("passages[2].text"); those without a field in the page go in the banner. */
  function showFieldErrors(errors) {
    clearFieldErrors();
    const general = [];
    let first = null;
    for (const [path, messages] of Object.entries(errors || {})) {
      const text = messages.map(errorText).join(" ");
      const control = document.querySelector(`#draft-form [data-path="${CSS.escape(path)}"]`);
      if (!control) {
        general.push(el("li", {}, (path === "content" || path === "body" ? "" : path + ": ") + text));
        continue;
      }
      control.setAttribute("aria-invalid", "true");
      const note = el("p", { class: "field-error", id: control.id + "-error" }, text);
      control.closest(".field").append(note);
      control.setAttribute("aria-describedby", [control.getAttribute("aria-describedby"), note.id].filter(Boolean).join(" "));
      const more = control.closest("details");
      if (more) more.open = true;
      first = first || control;
    }
    const count = Object.keys(errors || {}).length;
    banner($("draft-errors"), "error",
      el("p", {}, `Bản nháp còn ${count} chỗ cần sửa${general.length < count ? " (đánh dấu đỏ bên dưới)" : ""}. Những gì bạn đã nhập vẫn được giữ nguyên.`),
      ...(general.length > 0 ? [el("ul", {}, ...general)] : []));
    (first || $("draft-errors")).scrollIntoView({ behavior: "smooth", block: "center" });
    if (first) first.focus({ preventScroll: true });
  }

  function setDirty(dirty) {
    state.dirty = dirty;
    $("draft-state").textContent = dirty ? "Có thay đổi chưa lưu." : "";
  }

  function markDirty() {
    if (!state.dirty) setDirty(true);
  }

  /** Saves the editor; true when saved. On an error, the page keeps every field as typed. */
  async function saveDraft() {
    const button = $("draft-save");
    button.disabled = true;
    $("draft-state").textContent = "Đang lưu…";
    try {
      const result = await send("PUT", "drafts/" + encodeURIComponent(state.draft.draftId), collectDraft());
      if (result.ok) {
        const scroll = window.scrollY;
        renderDraft(result.body);
        window.scrollTo(0, scroll);
        $("draft-state").textContent = "Đã lưu bản nháp lúc " + when(result.body.updatedAt) + ".";
        loadDrafts();
        loadAudit();
        return true;
      }
      $("draft-state").textContent = "Chưa lưu được.";
      if (result.status === 400 && result.body && result.body.errors) showFieldErrors(result.body.errors);
      else if (result.status === 409) banner($("draft-errors"), "error", "Bản nháp này đã được xuất bản nên không lưu được nữa. Hãy tải văn bản lên lại để tạo bản nháp mới.");
      else banner($("draft-errors"), "error", failure(result, "Lưu bản nháp"));
      return false;
    } finally {
      button.disabled = state.draft.publishedVersion !== null && state.draft.publishedVersion !== undefined;
    }
  }

  async function openDraft(id) {
    if (state.dirty && !window.confirm("Bản nháp đang mở có thay đổi chưa lưu. Bỏ các thay đổi đó và mở bản nháp khác?")) return;
    const result = await send("GET", "drafts/" + encodeURIComponent(id));
    if (!result.ok) {
      banner($("import-result"), "error", result.status === 0 ? offline : "Không mở được bản nháp. Hãy tải lại trang rồi thử lại.");
      return;
    }
    renderDraft(result.body);
    resetTryAndPublish();
    $("draft").scrollIntoView({ behavior: "smooth", block: "start" });
  }

  function closeDraft() {
    if (state.dirty && !window.confirm("Bản nháp có thay đổi chưa lưu. Đóng mà không lưu?")) return;
    state.draft = null;
    setDirty(false);
    $("draft").hidden = true;
  }

  function resetTryAndPublish() {
    banner($("preview-result"), "error");
    $("preview-answer").hidden = true;
    banner($("publish-result"), "ok");
    $("publish-note").value = "";
  }

  // ---- import -----------------------------------------------------------------------------------------------
  async function importDocument(event) {
    event.preventDefault();
    const box = $("import-result");
    const file = $("import-file").files[0];
    if (!file) {
      banner(box, "error", "Hãy chọn tệp văn bản (.docx, .txt hoặc .md) trước khi tải lên.");
      $("import-file").focus();
      return;
    }
    if (state.dirty && !window.confirm("Bản nháp đang mở có thay đổi chưa lưu. Bỏ các thay đổi đó và tạo bản nháp mới?")) return;
    const form = new FormData();
    form.append("file", file, file.name);
    for (const name of ["year", "number", "issuer", "title"]) {
      const value = $("import-" + name).value.trim();
      if (value) form.append(name, value);
    }
    const issued = isoOf($("import-issued").value);
    if (issued && !/^\d{4}-\d{2}-\d{2}$/.test(issued)) {
      banner(box, "error", "Ngày ban hành ghi theo dạng ngày/tháng/năm, VD: 05/01/2026.");
      $("import-more").open = true;
      $("import-issued").focus();
      return;
    }
    if (issued) form.append("issued", issued);
    $("import-submit").disabled = true;
    banner(box, "ok", "Đang đọc văn bản…");
    try {
      const response = await api(BASE + "imports", { method: "POST", body: form });
      const body = await readJson(response);
      if (response.status !== 201) {
        const reason = response.status === 413 ? "Tệp lớn hơn 10 MB. Hãy bỏ bớt hình ảnh hoặc chia nhỏ văn bản rồi tải lên lại."
          : body && body.error === "bad-field" ? "Năm hoặc ngày ban hành không đúng: năm từ 2000 đến 2100, ngày chọn trên lịch."
          : failure({ status: response.status, body }, "Tải văn bản lên");
        banner(box, "error", reason);
        return;
      }
      setDirty(false);
      renderDraft(body);
      resetTryAndPublish();
      banner(box, "ok", `Đã đọc “${file.name}”: ${body.passages.length} đoạn hướng dẫn, ${body.facts.length} dữ kiện, ${body.checklist.length} việc cần làm, ${body.calendar.length} mốc lịch. Hãy kiểm tra bản nháp bên dưới.`);
      $("import-form").reset();
      loadDrafts();
      loadAudit();
      $("draft").scrollIntoView({ behavior: "smooth", block: "start" });
    } catch (e) {
      if (e.message !== "signed out") banner(box, "error", offline);
    } finally {
      $("import-submit").disabled = false;
    }
  }

  // ---- try a question ---------------------------------------------------------------------------------------
  async function preview(event) {
    event.preventDefault();
    const question = $("preview-question").value.trim();
    const answer = $("preview-answer");
    if (!question) {
      banner($("preview-result"), "error", "Hãy gõ một câu hỏi để thử.");
      return;
    }
    banner($("preview-result"), "error");
    if (state.dirty && !(await saveDraft())) {
      banner($("preview-result"), "error", "Bản nháp chưa lưu được nên chưa hỏi thử được: hãy sửa các chỗ đánh dấu đỏ.");
      return;
    }
    $("preview-ask").disabled = true;
    try {
      const result = await send("POST", `drafts/${encodeURIComponent(state.draft.draftId)}/preview`, { question });
      if (!result.ok) {
        const errors = result.body && result.body.errors;
        banner($("preview-result"), "error", errors && errors.content
          ? "Bản nháp chưa tạo được nội dung hợp lệ: " + errors.content.join(" ")
          : failure(result, "Hỏi thử"));
        answer.hidden = true;
        return;
      }
      const r = result.body;
      const bubble = el("div", { class: "bubble" });
      renderMarkdown(r.text, bubble);
      const buttons = (r.buttons || []).length > 0 ? el("div", { class: "chips" }, ...r.buttons.map((b) => el("span", { class: "chip" }, b))) : null;
      const source = outcomeText(r);
      answer.replaceChildren(el("p", { class: "you" }, el("strong", {}, "Hỏi: "), question), bubble, buttons, el("p", { class: "muted small" }, source));
      answer.hidden = false;
    } finally {
      $("preview-ask").disabled = false;
    }
  }

  function outcomeText(reply) {
    if (reply.outcome === "answer") {
      const fromDraft = !!reply.answerId && reply.answerId.toLowerCase().includes(state.draft.document.id.toLowerCase());
      return `Bot trả lời chắc chắn, ${fromDraft ? "từ bản nháp này" : "từ nội dung đang dùng"}${reply.answerId ? ` (mục ${reply.answerId})` : ""}.`;
    }
    if (reply.outcome === "clarify") return "Bot chưa chắc nên hỏi lại người dùng. Có thể thêm câu hỏi này vào “Cách hỏi khác” của đoạn phù hợp.";
    return "Bot không tìm thấy câu trả lời. Nếu văn bản có nội dung này, hãy thêm câu hỏi vào “Cách hỏi khác” của đoạn phù hợp.";
  }

  // ---- publish ----------------------------------------------------------------------------------------------
  async function publish(event) {
    event.preventDefault();
    const box = $("publish-result");
    const d = state.draft;
    const name = `${d.document.number || d.fileName} (năm ${d.year})`;
    if (!window.confirm(`Xuất bản bản nháp ${name} thành phiên bản nội dung mới?\n\nBot sẽ trả lời theo nội dung này ngay sau khi xuất bản. Có thể khôi phục phiên bản cũ trong “Lịch sử phiên bản”.`)) return;
    banner(box, "ok");
    if (state.dirty && !(await saveDraft())) {
      banner(box, "error", "Chưa xuất bản: bản nháp chưa lưu được. Hãy sửa các chỗ đánh dấu đỏ rồi xuất bản lại.");
      return;
    }
    $("publish").disabled = true;
    let published = false;
    try {
      const result = await send("POST", `drafts/${encodeURIComponent(d.draftId)}/publish`, { note: orNull($("publish-note").value) });
      if (result.ok) {
        published = true;
        banner(box, "ok", `Đã xuất bản phiên bản ${result.body.version}. Bot đang trả lời theo nội dung mới.`);
        await openPublished(d.draftId);
      } else if (result.status === 409) {
        banner(box, "error", "Chưa xuất bản được: nội dung đang dùng vừa thay đổi sau lần lưu bản nháp này (có người khác vừa xuất bản hoặc khôi phục), " +
          "hoặc bản nháp đã được xuất bản rồi. Hãy bấm “Lưu bản nháp” để kiểm tra lại trên nội dung mới nhất, rồi bấm “Xuất bản” lần nữa.");
      } else if (result.status === 400 && result.body && result.body.errors) {
        showFieldErrors(result.body.errors);
        banner(box, "error", "Chưa xuất bản: bản nháp còn chỗ cần sửa (xem phía trên).");
      } else {
        banner(box, "error", failure(result, "Xuất bản"));
      }
    } finally {
      if (!published) $("publish").disabled = false;
      await Promise.all([loadVersions(), loadDrafts(), loadAudit()]);
    }
  }

  /** After a publish the draft is shown as it now is: read-only, with its version. */
  async function openPublished(id) {
    const response = await api(BASE + "drafts/" + encodeURIComponent(id));
    if (!response.ok) return;
    const scroll = window.scrollY;
    renderDraft(await response.json());
    window.scrollTo(0, scroll);
  }

  // ---- versions and drafts ----------------------------------------------------------------------------------
  async function loadVersions() {
    state.versions = await json(BASE + "versions");
    const newestFirst = [...state.versions].reverse();
    const rows = newestFirst.map((v) => {
      const action = v.current
        ? el("td", {}, pill("done", "Đang dùng"))
        : el("td", {}, el("button", { type: "button", class: "small", dataset: { version: String(v.version) }, "aria-label": `Khôi phục phiên bản ${v.version}` }, "Khôi phục"));
      return [el("td", { class: "num" }, String(v.version)), v.year ? String(v.year) : "", v.title || "", v.note || "", when(v.publishedAt), who(v.publishedBy), action];
    });
    fillTable($("versions"), rows, "Chưa có phiên bản nào.");
    newestFirst.forEach((v, i) => $("versions").tBodies[0].rows[i].classList.toggle("current", v.current));
  }

  async function restore(version) {
    const box = $("versions-result");
    if (!window.confirm(`Khôi phục phiên bản ${version}?\n\nBot sẽ trả lời theo nội dung của phiên bản ${version} ngay sau đó. Các phiên bản khác vẫn được giữ và có thể khôi phục lại.`)) return;
    const result = await send("POST", `versions/${version}/restore`);
    if (result.ok) banner(box, "ok", `Đã khôi phục phiên bản ${version}. Bot đang trả lời theo nội dung của phiên bản này.`);
    else if (result.status === 409) banner(box, "error", "Có người vừa thay đổi nội dung trước bạn. Danh sách phiên bản đã được tải lại; hãy xem lại rồi thử lần nữa.");
    else if (result.status === 422) banner(box, "error", `Phiên bản ${version} không nạp được nên bot vẫn dùng nội dung hiện tại.`, el("span", { class: "detail" }, (result.body && result.body.reason) || ""));
    else banner(box, "error", failure(result, "Khôi phục"));
    await Promise.all([loadVersions(), loadAudit()]);
  }

  async function loadDrafts() {
    const drafts = await json(BASE + "drafts");
    drafts.sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
    fillTable($("drafts"), drafts.map((d) => [
      el("span", { class: "file" }, d.fileName), String(d.year), d.number || "", when(d.createdAt),
      d.publishedVersion ? pill("done", `Đã xuất bản (phiên bản ${d.publishedVersion})`) : pill("doing", "Đang soạn"),
      el("button", { type: "button", class: "small", dataset: { draft: d.draftId }, "aria-label": `Mở bản nháp ${d.fileName}` }, "Mở"),
    ]), "Chưa có bản nháp nào. Tải một văn bản lên để bắt đầu.");
  }

  // ---- reload from the content folder ------------------------------------------------------------------------
  async function reload() {
    const box = $("reload-result");
    $("reload").disabled = true;
    try {
      const response = await api("content/reload", { method: "POST" });
      const r = (await readJson(response)) || {};
      if (r.reloaded) {
        banner(box, "ok", `Đã nạp lại nội dung (phiên bản ${r.version}): ${r.passages} đoạn hướng dẫn, ${r.facts} dữ kiện, ${r.checklist} nhiệm vụ, ${r.criteria} tiêu chí, ${r.calendar} mốc lịch, ${r.templates} mẫu câu trả lời.`);
      } else if (r.file) {
        banner(box, "error", "Không nạp được: tệp ", el("code", {}, r.file + (r.line ? `:${r.line}` : "")), ` — ${r.reason}. Bot vẫn dùng nội dung trước đó.`);
      } else {
        banner(box, "error", "Không nạp được vì nội dung vừa được thay đổi cùng lúc. Hãy thử lại.");
      }
      await Promise.all([loadVersions(), loadAudit()]);
    } finally {
      $("reload").disabled = false;
    }
  }

  // ---- wiring -----------------------------------------------------------------------------------------------
  function wire() {
    $("import-form").addEventListener("submit", importDocument);
    $("draft-form").addEventListener("submit", (e) => { e.preventDefault(); saveDraft(); });
    $("draft-form").addEventListener("input", markDirty);
    $("draft-form").addEventListener("change", (e) => {
      markDirty();
      if (e.target.closest("#list-passages")) refreshPassageChoices();
    });
    for (const button of document.querySelectorAll("[data-add]")) button.addEventListener("click", () => addItem(button.dataset.add));
    $("draft-close").addEventListener("click", closeDraft);
    $("preview-form").addEventListener("submit", preview);
    $("publish-form").addEventListener("submit", publish);
    $("reload").addEventListener("click", reload);
    $("versions").addEventListener("click", (e) => {
      const button = e.target.closest("button[data-version]");
      if (button) restore(Number(button.dataset.version));
    });
    $("drafts").addEventListener("click", (e) => {
      const button = e.target.closest("button[data-draft]");
      if (button) openDraft(button.dataset.draft);
    });
    window.addEventListener("beforeunload", (e) => {
      if (state.dirty) e.preventDefault();
    });
  }

  async function start() {
    wire();
    try {
      await Promise.all([loadVersions(), loadDrafts()]);
      document.body.dataset.contentLoaded = "true";
    } catch (e) {
      if (e.message !== "signed out") $("load-error").hidden = false;
    }
  }

  start();
})();
