// AnToan.Bot web chat: talks to /api/web/conversations. Every piece of bot or user text becomes DOM
// text nodes (never innerHTML); links are made only for http(s) URLs.
(() => {
  'use strict';

  const API = 'api/web/conversations';
  const KEY_CONVERSATION = 'antoan.webchat.conversationId';
  const KEY_USER = 'antoan.webchat.userId';
  const ID_PATTERN = /^[0-9a-f]{32}$/;
  const TEXT = {
    sendFailed: 'Không gửi được tin nhắn. Vui lòng kiểm tra kết nối và thử lại.',
    startFailed: 'Không kết nối được với AnToan.Bot. Vui lòng tải lại trang sau ít phút.',
  };

  const messages = document.getElementById('messages');
  const chat = messages.parentElement;
  const suggestions = document.getElementById('suggestions');
  const typing = document.getElementById('typing');
  const notice = document.getElementById('notice');
  const form = document.getElementById('composer');
  const input = document.getElementById('input');
  const sendButton = document.getElementById('send');
  const newConversation = document.getElementById('new-conversation');

  let conversationId = null;
  let events = null;
  let busy = false;
  const shown = new Set();

  // ---- Safe rendering -------------------------------------------------------------------------

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /** An http(s) URL, or null: javascript:, data: and anything else never becomes a link. */
  function safeUrl(raw) {
    try {
      const url = new URL(String(raw), window.location.href);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch {
      return null;
    }
  }

  function link(href, label) {
    const a = el('a', null, label);
    a.href = href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    return a;
  }

  // \-escaped punctuation (shown as itself, never markup: what people typed comes escaped), **bold**, *italic*,
  // _italic_ (the templates' source and year notes; not inside words such as snake_case), [label](http...) and bare
  // http(s) URLs.
  const INLINE = /\\([!-\/:-@\[-`{-~])|\*\*((?:\\.|.)+?)\*\*|\*(?!\s)((?:\\.|.)+?)\*|(?<![\p{L}\p{N}_])_(?!\s)((?:\\.|[^_\n])+?)_(?![\p{L}\p{N}_])|\[([^\]\n]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s<>"]+)/gu;

  function appendInline(parent, text) {
    let last = 0;
    for (const m0 of text.matchAll(INLINE)) {
      if (m0.index > last) parent.append(text.slice(last, m0.index));
      last = m0.index + m0[0].length;
      if (m0[1] !== undefined) {
        parent.append(m0[1]);
        continue;
      }
      const m = [m0[0], ...m0.slice(2)];
      if (m[1] !== undefined) {
        const strong = el('strong');
        appendInline(strong, m[1]);
        parent.append(strong);
      } else if (m[2] !== undefined || m[3] !== undefined) {
        const em = el('em');
        appendInline(em, m[2] ?? m[3]);
        parent.append(em);
      } else if (m[4] !== undefined) {
        const href = safeUrl(m[5]);
        parent.append(href && /^https?:/i.test(m[5]) ? link(href, m[4]) : m[0]);
      } else {
        // Punctuation right after a bare URL ends the sentence, not the URL.
        const url = m[6].replace(/[.,;:!?)\]]+$/, '');
        last -= m[6].length - url.length;
        const href = safeUrl(url);
        parent.append(href ? link(href, url) : url);
      }
    }
    if (last < text.length) parent.append(text.slice(last));
  }

  /** Paragraphs (blank lines), line breaks, and lists of "- " or "1. " lines. */
  function renderMarkdown(text, container) {
    let paragraph = null;
    let list = null;
    const close = () => { paragraph = null; list = null; };
    for (const line of String(text).replace(/\r\n?/g, '\n').split('\n')) {
      const bullet = /^\s*[-*•]\s+(.*)$/.exec(line);
      const numbered = /^\s*(\d{1,4})[.)]\s+(.*)$/.exec(line);
      if (bullet || numbered) {
        const tag = bullet ? 'UL' : 'OL';
        if (!list || list.tagName !== tag) {
          list = el(tag.toLowerCase());
          if (numbered && numbered[1] !== '1') list.start = Number(numbered[1]);
          container.append(list);
        }
        paragraph = null;
        const item = el('li');
        appendInline(item, bullet ? bullet[1] : numbered[2]);
        list.append(item);
      } else if (line.trim() === '') {
        close();
      } else {
        list = null;
        if (paragraph) paragraph.append(el('br'));
        else container.append(paragraph = el('p'));
        appendInline(paragraph, line);
      }
    }
  }

  // ---- Messages -------------------------------------------------------------------------------

  function scrollToEnd() {
    chat.scrollTop = chat.scrollHeight;
  }

  function addBubble(role) {
    const row = el('div', 'msg ' + role);
    const bubble = el('div', 'bubble');
    row.append(bubble);
    messages.append(row);
    return bubble;
  }

  function addUserMessage(text) {
    addBubble('user').textContent = text;
    scrollToEnd();
  }

  function isFromUser(activity) {
    return activity.from && activity.from.role === 'user';
  }

  /** Renders a message activity once; returns false for anything not shown. */
  function renderActivity(activity, withSuggestions) {
    if (!activity || activity.type !== 'message') return false;
    if (activity.id) {
      if (shown.has(activity.id)) return false;
      shown.add(activity.id);
    }
    if (isFromUser(activity)) {
      if (typeof activity.text === 'string' && activity.text.trim() !== '') addUserMessage(activity.text);
      return true;
    }
    const bubble = addBubble('bot');
    if (typeof activity.text === 'string' && activity.text !== '') renderMarkdown(activity.text, bubble);
    for (const attachment of activity.attachments || []) renderAttachment(attachment, bubble);
    if (!bubble.hasChildNodes()) bubble.parentElement.remove();
    if (withSuggestions) showSuggestions(activity.suggestedActions && activity.suggestedActions.actions);
    scrollToEnd();
    return true;
  }

  function showSuggestions(actions) {
    suggestions.replaceChildren();
    for (const action of actions || []) {
      const button = actionButton(action.title || action.value, () => runCardAction(action));
      if (button) suggestions.append(button);
    }
    scrollToEnd();
  }

  // Buttons that are a symbol alone get words beside it: without an emoji font they would be empty boxes, and a
  // screen reader needs a name. Other buttons are named by their words, without the emoji in front.
  const SYMBOL_WORDS = { '👍': 'Hữu ích', '👎': 'Chưa đúng' };

  function actionButton(title, onClick) {
    if (title === undefined || title === null || String(title).trim() === '') return null;
    const text = String(title).trim();
    const words = SYMBOL_WORDS[text] ?? text.replace(/^[^\p{L}\p{N}]+/u, '');
    const button = el('button', 'action', SYMBOL_WORDS[text] ? `${text} ${words}` : text);
    if (words) button.setAttribute('aria-label', words);
    button.type = 'button';
    button.addEventListener('click', onClick);
    return button;
  }

  /** Bot Framework CardAction: imBack/postBack/messageBack send their value; openUrl opens http(s) only. */
  function runCardAction(action) {
    if (action.type === 'openUrl') {
      const href = safeUrl(action.value);
      if (href) window.open(href, '_blank', 'noopener,noreferrer');
      return;
    }
    const display = action.type === 'messageBack' ? action.displayText || action.text : action.value;
    if (typeof action.value === 'string' && action.type !== 'messageBack') {
      send({ text: action.value }, action.value);
    } else {
      const text = action.type === 'messageBack' ? action.text : undefined;
      send({ text, value: action.value ?? undefined }, typeof display === 'string' ? display : action.title);
    }
  }

  // ---- Cards ------------------------------------------------------------------------------------

  function renderAttachment(attachment, bubble) {
    const content = attachment && attachment.content;
    if (!content || typeof content !== 'object') return;
    if (attachment.contentType === 'application/vnd.microsoft.card.adaptive') bubble.append(adaptiveCard(content));
    else if (attachment.contentType === 'application/vnd.microsoft.card.hero') bubble.append(heroCard(content));
  }

  function heroCard(card) {
    const node = el('div', 'card');
    if (card.title) node.append(el('p', 'card-title', card.title));
    if (card.subtitle) node.append(el('p', 'card-subtitle', card.subtitle));
    if (card.text) renderMarkdown(card.text, node);
    const actions = el('div', 'card-actions');
    for (const action of card.buttons || []) {
      const button = actionButton(action.title || action.value, () => runCardAction(action));
      if (button) actions.append(button);
    }
    if (actions.hasChildNodes()) node.append(actions);
    return node;
  }

  function adaptiveCard(card) {
    const node = el('div', 'card');
    const actions = el('div', 'card-actions');
    adaptiveElements(card.body, node, actions);
    adaptiveActions(card.actions, actions);
    if (actions.hasChildNodes()) node.append(actions);
    return node;
  }

  function adaptiveElements(elements, node, actions) {
    for (const item of Array.isArray(elements) ? elements : []) {
      if (!item || typeof item !== 'object') continue;
      switch (item.type) {
        case 'TextBlock': {
          const block = el('div', item.weight === 'Bolder' || item.size === 'Large' ? 'card-title' : null);
          renderMarkdown(item.text || '', block);
          node.append(block);
          break;
        }
        case 'FactSet': {
          const facts = el('dl', 'facts');
          for (const fact of item.facts || []) facts.append(el('dt', null, fact.title), el('dd', null, fact.value));
          node.append(facts);
          break;
        }
        case 'Container':
          adaptiveElements(item.items, node, actions);
          break;
        case 'ColumnSet':
          for (const column of item.columns || []) adaptiveElements(column.items, node, actions);
          break;
        case 'ActionSet':
          adaptiveActions(item.actions, actions);
          break;
        default:
          break;
      }
    }
  }

  function adaptiveActions(list, actions) {
    for (const action of Array.isArray(list) ? list : []) {
      if (!action || typeof action !== 'object') continue;
      let button = null;
      if (action.type === 'Action.Submit') {
        button = actionButton(action.title, () => send({ value: action.data ?? {} }, action.title));
      } else if (action.type === 'Action.OpenUrl' && safeUrl(action.url)) {
        button = actionButton(action.title || action.url, () => window.open(safeUrl(action.url), '_blank', 'noopener,noreferrer'));
      }
      if (button) actions.append(button);
    }
  }

  // ---- Talking to the server ------------------------------------------------------------------

  function showNotice(text) {
    notice.textContent = text;
    notice.hidden = !text;
  }

  function setBusy(value) {
    busy = value;
    typing.hidden = !value;
    sendButton.disabled = value;
    if (value) scrollToEnd();
  }

  async function postJson(url, body) {
    return fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  function renderAll(activities) {
    let lastBot = null;
    for (const activity of activities || []) {
      if (renderActivity(activity, false) && !isFromUser(activity)) lastBot = activity;
    }
    showSuggestions(lastBot && lastBot.suggestedActions && lastBot.suggestedActions.actions);
  }

  function reset() {
    if (events) events.close();
    events = null;
    shown.clear();
    messages.replaceChildren();
    suggestions.replaceChildren();
    showNotice('');
  }

  async function startNew() {
    reset();
    setBusy(true);
    try {
      const userId = localStorage.getItem(KEY_USER);
      const response = await postJson(API, ID_PATTERN.test(userId || '') ? { userId } : {});
      if (!response.ok) throw new Error(String(response.status));
      const data = await response.json();
      conversationId = data.conversationId;
      localStorage.setItem(KEY_CONVERSATION, conversationId);
      localStorage.setItem(KEY_USER, data.userId);
      renderAll(data.activities);
      listen();
    } catch {
      showNotice(TEXT.startFailed);
    } finally {
      setBusy(false);
    }
  }

  async function loadHistory(id) {
    const response = await fetch(`${API}/${id}/history`);
    if (response.status === 404) return false;
    if (!response.ok) throw new Error(String(response.status));
    const data = await response.json();
    messages.replaceChildren();
    shown.clear();
    renderAll(data.activities);
    return true;
  }

  /** Later messages (announcements) arrive as server-sent events; after a reconnect, the history fills any gap. */
  function listen() {
    let reconnecting = false;
    events = new EventSource(`${API}/${conversationId}/events`);
    events.onmessage = (event) => {
      try {
        renderActivity(JSON.parse(event.data), true);
      } catch {
        // A malformed event is ignored; the history has the message.
      }
    };
    events.onerror = () => { reconnecting = true; };
    events.onopen = () => {
      if (reconnecting && !busy) loadHistory(conversationId).catch(() => {});
      reconnecting = false;
    };
  }

  async function send(payload, display) {
    if (busy || !conversationId) return;
    showNotice('');
    suggestions.replaceChildren();
    if (display) addUserMessage(display);
    setBusy(true);
    try {
      const userId = localStorage.getItem(KEY_USER);
      const response = await postJson(`${API}/${conversationId}/messages`, ID_PATTERN.test(userId || '') ? { ...payload, userId } : payload);
      if (response.status === 404) {
        setBusy(false);
        await startNew();
        return;
      }
      if (!response.ok) throw new Error(String(response.status));
      const data = await response.json();
      for (const activity of data.activities || []) renderActivity(activity, true);
    } catch {
      showNotice(TEXT.sendFailed);
    } finally {
      setBusy(false);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text || busy) return;
    input.value = '';
    send({ text }, text);
    input.focus();
  });

  newConversation.addEventListener('click', (event) => {
    event.preventDefault();
    localStorage.removeItem(KEY_CONVERSATION);
    startNew();
    input.focus();
  });

  async function init() {
    const saved = localStorage.getItem(KEY_CONVERSATION);
    if (saved && ID_PATTERN.test(saved)) {
      try {
        setBusy(true);
        if (await loadHistory(saved)) {
          conversationId = saved;
          listen();
          return;
        }
      } catch {
        showNotice(TEXT.startFailed);
        return;
      } finally {
        setBusy(false);
      }
    }
    await startNew();
  }

  init();
})();
