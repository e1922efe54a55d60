// The admin dashboard: reads /api/admin/* with the session cookie and draws tables and SVG charts.
// Every value from the server goes into the page as text (textContent), never as HTML.
(() => {
  "use strict";

  const SVG = "http://www.w3.org/2000/svg";
  const state = { labels: null, units: [], sort: "name", desc: false, selected: null };
  const $ = (id) => document.getElementById(id);

  // ---- data -------------------------------------------------------------------------------------------------
  async function api(path, options = {}) {
    const response = await fetch("/api/admin/" + path, {
      credentials: "same-origin",
      ...options,
      headers: { "Accept": "application/json", "X-Requested-With": "fetch", ...(options.headers || {}) },
    });
    if (response.status === 401) {
      location.href = "/admin/login";
      throw new Error("signed out");
    }
    return response;
  }

  async function json(path) {
    const response = await api(path);
    if (!response.ok) throw new Error(path + ": " + response.status);
    return response.json();
  }

  const label = (group, value) => (state.labels && state.labels[group] && state.labels[group][value]) || value || "";

  // Instants are shown in the bot's time zone (Bot:TimeZone, sent with the overview), whatever the browser's is.
  let dateTime = new Intl.DateTimeFormat("vi-VN", { dateStyle: "short", timeStyle: "short" });
  const when = (iso) => (iso ? dateTime.format(new Date(iso)) : "");
  const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;
  const day = (iso) => {
    const m = isoDay.exec(iso || "");
    return m ? `${m[3]}/${m[2]}/${m[1]}` : iso || "";
  };
  const dayMonth = (iso) => day(iso).slice(0, 5);

  // ---- DOM helpers ------------------------------------------------------------------------------------------
  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === "class") node.className = v;
      else if (k === "dataset") Object.assign(node.dataset, v);
      else node.setAttribute(k, v);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  function fillTable(table, rows, emptyText) {
    const body = table.tBodies[0];
    body.replaceChildren();
    if (rows.length === 0) {
      const columns = table.tHead.rows[0].cells.length;
      body.append(el("tr", {}, el("td", { colspan: String(columns), class: "empty-row" }, emptyText || "Chưa có dữ liệu.")));
      return;
    }
    for (const cells of rows) {
      body.append(el("tr", {}, ...cells.map((c) => (c instanceof Node && c.nodeName === "TD" ? c : el("td", {}, c)))));
    }
  }

  const num = (value) => el("td", { class: "num" }, value);
  const pill = (cls, text) => el("span", { class: "pill " + cls }, text);

  function progress(percent, text, kind) {
    const fill = el("div", { class: "fill" });
    fill.style.width = Math.max(0, Math.min(100, percent)) + "%";
    return el("div", { class: "progress " + kind, title: text },
      el("div", { class: "track" }, fill), el("span", { class: "label" }, text));
  }

  // ---- charts (inline SVG) ----------------------------------------------------------------------------------
  function svg(tag, attrs = {}, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** Grouped or stacked bars: categories along x, one bar (or segment) per series. */
  function barChart(container, categories, series, options) {
    // Drawn at the box's own width, so text keeps its size on a phone; at most 560 wide.
    const width = Math.max(300, Math.min(560, container.clientWidth || 560)), height = 260, left = 40, right = 10, top = 16, bottom = 40;
    const plotW = width - left - right, plotH = height - top - bottom;
    const totals = categories.map((_, i) => options.stacked
      ? series.reduce((s, x) => s + x.values[i], 0)
      : Math.max(0, ...series.map((x) => x.values[i])));
    // Counts get whole-number ticks: at most 4 steps, each a whole number.
    const steps = options.max ? 4 : Math.min(4, Math.max(1, ...totals));
    const max = options.max || Math.ceil(niceMax(Math.max(1, ...totals)) / steps) * steps;
    const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, "data-max": max, "data-points": categories.length });
    root.append(svg("title", {}, options.title));
    for (let t = 0; t <= steps; t++) {
      const y = top + plotH - (plotH * t) / steps;
      root.append(svg("line", { x1: left, x2: width - right, y1: y, y2: y, class: t === 0 ? "axis" : "grid" }));
      root.append(svg("text", { x: left - 6, y: y + 4, "text-anchor": "end" }, Math.round((max * t) / steps) + (options.unit || "")));
    }
    const slot = plotW / Math.max(1, categories.length);
    // Labels about 40 px wide: on a narrow chart every second (or third) one, so they never overlap.
    const every = Math.ceil(40 / slot);
    const groupW = Math.min(slot * 0.7, options.stacked ? 34 : 90);
    categories.forEach((category, i) => {
      const x0 = left + slot * i + (slot - groupW) / 2;
      let stackY = top + plotH;
      series.forEach((s, j) => {
        const value = s.values[i];
        const h = (plotH * value) / max;
        const barW = options.stacked ? groupW : groupW / series.length;
        const x = options.stacked ? x0 : x0 + barW * j;
        const y = options.stacked ? stackY - h : top + plotH - h;
        const rect = svg("rect", { x, y, width: Math.max(1, barW - 2), height: Math.max(0, h), class: s.cls, "data-series": s.name, "data-value": value, rx: 2 });
        rect.append(svg("title", {}, `${category} — ${s.name}: ${value}${options.unit || ""}`));
        root.append(rect);
        if (!options.stacked && value > 0) root.append(svg("text", { x: x + (barW - 2) / 2, y: y - 3, "text-anchor": "middle", class: "value" }, Math.round(value) + (options.unit || "")));
        if (options.stacked) stackY -= h;
      });
      if (options.stacked && totals[i] > 0) root.append(svg("text", { x: x0 + groupW / 2, y: stackY - 3, "text-anchor": "middle", class: "value" }, totals[i]));
      if (i % every === 0) root.append(svg("text", { x: x0 + groupW / 2, y: height - bottom + 16, "text-anchor": "middle", class: "category" }, category));
    });
    container.replaceChildren(root);
  }

  function niceMax(value) {
    const power = Math.pow(10, Math.floor(Math.log10(value)));
    for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
    return 10 * power;
  }

  // ---- views ------------------------------------------------------------------------------------------------
  async function loadOverview() {
    const data = await json("overview");
    state.labels = data.labels;
    dateTime = new Intl.DateTimeFormat("vi-VN", {
      timeZone: data.timeZone, day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hour12: false,
    });
    $("kpi-units").textContent = data.units;
    $("kpi-members").textContent = data.members;
    $("kpi-complete").textContent = data.complete;
    $("kpi-gaps").textContent = data.gaps;
    $("kpi-subscriptions").textContent = data.subscriptions;
    barChart($("chart-progress"), data.byType.map((t) => `${label("unitTypes", t.type)} (${t.units})`), [
      { name: "Nhiệm vụ đã làm", cls: "bar-1", values: data.byType.map((t) => t.checklistPercent) },
      { name: "Tiêu chí đạt", cls: "bar-2", values: data.byType.map((t) => t.assessmentPercent) },
    ], { max: 100, unit: "%", title: "Tiến độ trung bình theo loại hình" });
    barChart($("chart-questions"), data.questionsPerWeek.map((w) => dayMonth(w.week)), [
      { name: "Đã trả lời", cls: "bar-1", values: data.questionsPerWeek.map((w) => w.asked - w.unanswered) },
      { name: "Chưa trả lời được", cls: "bar-3", values: data.questionsPerWeek.map((w) => w.unanswered) },
    ], { stacked: true, title: "Số câu hỏi mỗi tuần" });
    fillSelect($("unit-type"), data.labels.unitTypes);
    fillSelect($("unit-status"), data.labels.unitStatus);
  }

  function fillSelect(select, labels) {
    if (select.options.length > 1) return;
    for (const [value, text] of Object.entries(labels)) select.append(el("option", { value }, text));
  }

  async function loadUnits() {
    state.units = await json("units");
    renderUnits();
  }

  const sortKeys = {
    name: (u) => u.name.toLocaleLowerCase("vi"),
    type: (u) => label("unitTypes", u.type),
    members: (u) => u.members,
    checklist: (u) => u.progress.checklistPercent,
    assessment: (u) => u.progress.assessmentPercent,
    status: (u) => ["not-started", "in-progress", "complete"].indexOf(u.status),
    lastActivity: (u) => u.lastActivity,
    gaps: (u) => u.gaps,
  };

  function renderUnits() {
    const search = $("unit-search").value.trim().toLocaleLowerCase("vi");
    const type = $("unit-type").value;
    const status = $("unit-status").value;
    const key = sortKeys[state.sort];
    const rows = state.units
      .filter((u) => (!type || u.type === type) && (!status || u.status === status) && (!search || u.name.toLocaleLowerCase("vi").includes(search)))
      .sort((a, b) => {
        const x = key(a), y = key(b);
        const order = typeof x === "string" ? x.localeCompare(y, "vi") : x - y;
        return state.desc ? -order : order;
      });
    const body = $("units-table").tBodies[0];
    body.replaceChildren(...rows.map((u) => {
      const row = el("tr", { tabindex: "0", dataset: { id: u.id } },
        el("td", {}, el("span", { class: "unit-name" }, u.name)),
        el("td", {}, label("unitTypes", u.type)),
        num(u.members),
        el("td", {}, progress(u.progress.checklistPercent, `${u.progress.checklistDone}/${u.progress.checklistTotal}`, "checklist")),
        el("td", {}, progress(u.progress.assessmentPercent, `${u.progress.assessmentMet}/${u.progress.assessmentTotal}`, "assessment")),
        el("td", {}, pill(u.status, label("unitStatus", u.status))),
        el("td", {}, when(u.lastActivity)),
        num(u.gaps));
      if (u.id === state.selected) row.classList.add("selected");
      row.addEventListener("click", () => showUnit(u.id));
      row.addEventListener("keydown", (e) => { if (e.key === "Enter") showUnit(u.id); });
      return row;
    }));
    $("units-empty").hidden = rows.length > 0;
    for (const th of $("units-table").tHead.rows[0].cells) {
      if (th.dataset.sort === state.sort) th.setAttribute("aria-sort", state.desc ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    }
  }

  async function showUnit(id) {
    const response = await api("units/" + encodeURIComponent(id));
    if (!response.ok) return;
    const d = await response.json();
    state.selected = id;
    renderUnits();
    const u = d.unit, p = u.progress;
    $("detail-name").textContent = u.name;
    $("detail-summary").textContent = `${label("unitTypes", u.type)} · mã tham gia ${u.joinCode} · quân số ${u.headcount ?? "chưa rõ"} · ${u.members} thành viên dùng bot · ` +
      `nhiệm vụ đã làm ${p.checklistDone}/${p.checklistTotal} · tiêu chí đạt ${p.assessmentMet}/${p.assessmentTotal} (đã tự đánh giá ${p.assessmentAnswered})`;
    const gaps = $("detail-gaps");
    gaps.replaceChildren(...(d.gaps.length === 0 ? [el("li", {}, "Không có thiếu sót.")] : d.gaps.map((g) => el("li", {},
      g.title, " ",
      g.kind === "criterion"
        ? pill(g.status || "none", g.status ? label("assessmentStatus", g.status) : state.labels.unanswered)
        : pill("todo", "Quá hạn " + day(g.due)),
      g.remedy ? el("span", { class: "remedy" }, g.remedy) : null))));
    $("detail-members").replaceChildren(...(d.members.length === 0 ? [el("li", {}, "Chưa có thành viên.")] : d.members.map((m) => el("li", {}, `${m.name} (${m.id.split(":")[0]})`))));
    fillTable($("detail-checklist"), d.checklist.map((i) => [i.title, day(i.due),
      i.answer ? pill(i.answer.status, label("checklistStatus", i.answer.status)) : pill("none", state.labels.unanswered),
      i.answer ? i.answer.answeredByName : ""]));
    fillTable($("detail-assessment"), d.assessment.map((i) => [i.title,
      i.answer ? pill(i.answer.status, label("assessmentStatus", i.answer.status)) : pill("none", state.labels.unanswered),
      i.answer?.note || "", i.answer ? i.answer.answeredByName : ""]));
    const titles = new Map([...d.checklist, ...d.assessment].map((i) => [i.itemId, i.title]));
    fillTable($("detail-history"), d.history.map((a) => [when(a.answeredAt), titles.get(a.itemId) || a.itemId, day(a.date),
      label(a.list === "checklist" ? "checklistStatus" : "assessmentStatus", a.status) + (a.note ? ` — ${a.note}` : ""), a.answeredByName]),
      "Đơn vị chưa trả lời mục nào.");
    $("unit-detail").hidden = false;
    markScrolling();
    $("unit-detail").scrollIntoView({ behavior: "smooth", block: "start" });
  }

  async function loadQuestions() {
    const q = await json("questions");
    fillTable($("q-most"), q.mostAsked.map((x) => [x.text, num(x.count), when(x.lastAsked)]));
    fillTable($("q-unanswered"), q.unanswered.map((x) => [x.text, num(x.unanswered), when(x.lastAsked)]));
    fillTable($("q-down"), q.downVoted.map((x) => [x.question, el("span", { title: x.answerId || "" }, x.answerTitle || "—"), num(x.down), num(x.up)]));
  }

  const categories = { observance: "Ngày kỷ niệm", campaign: "Đợt cao điểm", election: "Bầu cử", deadline: "Thời hạn" };
  const channels = { msteams: "Microsoft Teams", zalo: "Zalo", web: "Trang web", emulator: "Emulator", directline: "Direct Line" };

  async function loadAnnouncements() {
    const n = await json("announcements/report");
    fillTable($("n-upcoming"), n.upcoming.map((a) => [day(a.day), a.title, categories[a.category] || a.category]), "Không có thông báo nào trong 60 ngày tới.");
    fillTable($("n-subscriptions"), n.subscriptions.map((s) => [channels[s.channelId] || s.channelId, num(s.active), num(s.ended)]));
    fillTable($("n-deliveries"), n.deliveries.flatMap((d) => d.channels.map((c, i) => [
      i === 0 ? `${d.title} (${when(d.lastAt)})` : "", channels[c.channelId] || c.channelId, num(c.delivered), num(c.skipped), num(c.failed), num(c.pending)])),
      "Chưa gửi thông báo nào.");
  }

  // The audit log's words: the server records codes and short English notes; the page says them in Vietnamese.
  const auditWords = {
    actions: {
      login: "Đăng nhập", logout: "Đăng xuất", export: "Xuất Excel", "content-reload": "Nạp lại nội dung",
      "content-import": "Tải văn bản lên", "content-edit": "Lưu bản nháp", "content-publish": "Xuất bản nội dung",
      "content-restore": "Khôi phục phiên bản", "content-discard": "Bỏ bản nháp",
    },
    // An action without a name of its own is the request: "POST /api/admin/…".
    request: "Yêu cầu",
    who: { anonymous: "Chưa đăng nhập", "api-key": "Khóa quản trị (API)", system: "Hệ thống (nội dung gốc)" },
    session: "Quản trị viên (phiên {id})",
    details: [
      [/^wrong key$/, () => "Sai khóa quản trị"],
      [/^too many failed attempts from (\S+): refused for ([\d:]+); further attempts are counted, not recorded$/,
        (m) => `Sai khóa quá nhiều lần từ ${m[1]}: tạm khóa ${m[2]}; các lần thử sau được đếm, không ghi lại`],
      [/^(\d+) attempts refused in the window before$/, (m) => `${m[1]} lần thử bị từ chối trước đó`],
      [/^passages=(\d+) facts=(\d+)$/, (m) => `${m[1]} đoạn, ${m[2]} dữ kiện`],
      [/^version (\d+)$/, (m) => `phiên bản ${m[1]}`],
      [/^(.*) → version (\d+)$/, (m) => `${m[1]} → phiên bản ${m[2]}`],
      [/^another change to the content came first; reload and try again$/, () => "Có thay đổi khác đến trước; tải lại rồi thử lại"],
      [/^version (\d+) does not load: (.*)$/, (m) => `Phiên bản ${m[1]} không nạp được: ${m[2]}`],
    ],
  };

  const auditAction = (action) => auditWords.actions[action] || (/^[A-Z]+ \//.test(action) ? `${auditWords.request} ${action}` : action);
  const auditWho = (actor) => !actor ? ""
    : actor.startsWith("session:") ? auditWords.session.replace("{id}", actor.slice(8, 14))
    : auditWords.who[actor] || actor;
  // A detail may join notes with "; ": each is said on its own.
  const auditDetail = (detail) => (detail || "").split("; ").map((part) => {
    for (const [pattern, say] of auditWords.details) {
      const m = pattern.exec(part);
      if (m) return say(m);
    }
    return part;
  }).join("; ");

  async function loadAudit() {
    const entries = await json("audit");
    fillTable($("audit"), entries.map((e) => [when(e.at), el("span", { title: e.action }, auditAction(e.action)), auditWho(e.who), e.remoteIp,
      pill(e.succeeded ? "done" : "unmet", e.succeeded ? "Thành công" : "Bị từ chối"), auditDetail(e.detail)]));
    markScrolling();
  }

  // ---- tables wider than the screen ---------------------------------------------------------------------------
  // Every data table scrolls sideways inside its own box; one that does shows a hint above it.
  function wrapTables() {
    for (const table of document.querySelectorAll("table.data")) {
      let wrap = table.parentElement;
      if (!wrap.classList.contains("table-wrap")) {
        wrap = el("div", { class: "table-wrap" });
        table.replaceWith(wrap);
        wrap.append(table);
      }
      if (!wrap.previousElementSibling || !wrap.previousElementSibling.classList.contains("scroll-hint"))
        wrap.before(el("p", { class: "scroll-hint", hidden: "" }, "Vuốt hoặc kéo ngang bảng để xem thêm →"));
    }
  }

  function markScrolling() {
    for (const wrap of document.querySelectorAll(".table-wrap")) {
      const hint = wrap.previousElementSibling;
      if (hint && hint.classList.contains("scroll-hint")) hint.hidden = !(wrap.scrollWidth > wrap.clientWidth + 1);
    }
  }

  // ---- tabs and wiring --------------------------------------------------------------------------------------
  function showTab() {
    requestAnimationFrame(markScrolling);
    const current = (location.hash || "#tong-quan").slice(1);
    const known = [...document.querySelectorAll(".tab-panel")].some((p) => p.id === current) ? current : "tong-quan";
    for (const panel of document.querySelectorAll(".tab-panel")) panel.hidden = panel.id !== known;
    for (const link of document.querySelectorAll(".tabs a")) {
      if (link.dataset.tab === known) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    }
  }

  function wire() {
    wrapTables();
    window.addEventListener("resize", markScrolling);
    window.addEventListener("hashchange", showTab);
    showTab();
    for (const th of $("units-table").tHead.rows[0].cells) {
      th.querySelector("button").addEventListener("click", () => {
        state.desc = state.sort === th.dataset.sort ? !state.desc : false;
        state.sort = th.dataset.sort;
        renderUnits();
      });
    }
    for (const id of ["unit-search", "unit-type", "unit-status"]) $(id).addEventListener("input", renderUnits);
    $("detail-close").addEventListener("click", () => { $("unit-detail").hidden = true; state.selected = null; renderUnits(); });
  }

  async function start() {
    wire();
    try {
      await loadOverview();
      await Promise.all([loadUnits(), loadQuestions(), loadAnnouncements(), loadAudit()]);
      markScrolling();
      document.body.dataset.loaded = "true";
    } catch (e) {
      if (e.message !== "signed out") $("load-error").hidden = false;
    }
  }

  // The content page (content.js) draws with the same helpers.
  window.adminKit = Object.freeze({ $, api, json, el, fillTable, pill, when, day, loadAudit, auditWho, markScrolling });

  start();
})();
