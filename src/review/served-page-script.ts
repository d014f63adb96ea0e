// Plain ES2020 like the static page's script, and like it no innerHTML: text from the document and
// the server only ever reaches the page as text nodes.
/**
 * The served page's script: editing in place (Enter, Ctrl/Cmd+Enter, Esc), accepting (`a`), QA on
 * the draft as it is typed, the rows updated from the server's answers, and a banner when the server is gone.
 */
export const SERVED_PAGE_SCRIPT = `
(() => {
  'use strict';
  const file = document.body.dataset.file;
  const query = '?file=' + encodeURIComponent(file);
  const gone = document.getElementById('server-gone');
  let editing = null;
  // The page now holds the token in its cookie: keep it out of the address bar, history and screenshots.
  if (new URLSearchParams(location.search).has('token')) history.replaceState(null, '', location.pathname + query);

  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const wrap = (tag, child) => {
    const node = el(tag);
    node.append(child);
    return node;
  };

  function setServer(up) {
    gone.hidden = up;
  }

  function api(method, path, body) {
    const init = { method, credentials: 'same-origin', headers: {} };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path + query, init).then(
      (response) => {
        setServer(response.status !== 403);
        return response.json().then((data) => ({ status: response.status, data }), () => ({ status: response.status, data: {} }));
      },
      (error) => {
        setServer(false);
        throw error;
      },
    );
  }

  // The server may be stopped while the page stays open; say so before someone types into it.
  setInterval(() => {
    fetch('/api/health', { credentials: 'same-origin' }).then((response) => setServer(response.ok), () => setServer(false));
  }, 5000);

  function notice(row, text, isError) {
    const box = row.querySelector('.notice');
    box.textContent = text;
    box.classList.toggle('is-error', Boolean(isError));
  }

  function renderPieces(pieces, focusable) {
    const out = [];
    let group = null;
    for (const piece of pieces) {
      let node = document.createTextNode(piece.text);
      if (piece.code || piece.html) {
        const code = wrap('code', node);
        if (piece.html) {
          code.className = 'html';
          code.title = 'inline HTML, shown as text';
        }
        node = code;
      }
      if (piece.del) node = wrap('s', node);
      if (piece.em) node = wrap('em', node);
      if (piece.strong) node = wrap('strong', node);
      if (piece.href !== undefined) {
        node = wrap('span', node);
        node.className = 'link';
        node.title = piece.href;
      }
      if (piece.bead === undefined) {
        group = null;
        out.push(node);
        continue;
      }
      if (!group || group.dataset.bead !== String(piece.bead)) {
        group = el('span', 'sent');
        group.dataset.bead = String(piece.bead);
        if (focusable) group.tabIndex = 0;
        out.push(group);
      }
      group.append(node);
    }
    return out;
  }

  function textBlock(text, pieces, focusable) {
    const rendered = el('p', 'text');
    rendered.append(...renderPieces(pieces, focusable));
    const raw = el('p', 'raw', text);
    raw.dataset.search = '';
    return [rendered, raw];
  }

  function badge(name) {
    return el('span', 'badge badge-' + name, name);
  }

  function needsWork(segment) {
    return segment.status !== 'current' || segment.findings.length > 0 || !segment.reviewed;
  }

  function update(row, segment) {
    row.dataset.status = segment.status;
    row.dataset.qa = segment.findings.length > 0 ? '1' : '0';
    row.dataset.work = needsWork(segment) ? '1' : '0';
    row.dataset.hash = segment.translationHash;
    row.dataset.sourceHash = segment.sourceHash;
    row.dataset.reviewed = segment.reviewed ? '1' : '0';
    const badges = [badge(segment.status)];
    if (segment.edited) badges.push(badge('edited'));
    if (segment.reviewed) badges.push(badge('reviewed'));
    row.querySelector('.badges').replaceChildren(...badges);
    const origin = row.querySelector('.origin');
    if (origin) origin.textContent = segment.origin || '';
    const focusable = segment.sentences.beads.length > 1;

    const source = row.querySelector('.cell.source');
    const [sourceText, sourceRaw] = textBlock(segment.source, segment.pieces.source, focusable);
    source.querySelector('.text').replaceWith(sourceText);
    source.querySelector('.raw').replaceWith(sourceRaw);
    const change = source.querySelector('.change');
    if (change && segment.status !== 'stale' && segment.status !== 'conflict') change.remove();

    const target = row.querySelector('.cell.target');
    const label = target.querySelector('.cell-label');
    if (segment.translation === undefined) {
      const missing = el('p', 'text placeholder', 'Not translated yet');
      target.replaceChildren(label, missing);
    } else {
      target.replaceChildren(label, ...textBlock(segment.translation, segment.pieces.translation, focusable));
    }

    const old = row.querySelector('.findings');
    if (old) old.remove();
    if (segment.findings.length) {
      const list = el('ul', 'findings');
      list.setAttribute('aria-label', 'QA findings');
      for (const finding of segment.findings) {
        const item = el('li');
        item.append(el('span', 'badge badge-qa', finding.check), ' ', el('span', 'message', finding.message));
        list.append(item);
      }
      row.querySelector('.actions').before(list);
    }
    for (const button of row.querySelectorAll('[data-act="accept-suggestion"]')) if (segment.suggestion === undefined) button.remove();
    const accept = row.querySelector('[data-act="accept"]');
    if (accept) accept.textContent = segment.suggestion === undefined ? 'Accept' : 'Keep the person\\u2019s text';
    else if (segment.translation !== undefined) {
      const button = el('button', 'act', 'Accept');
      button.type = 'button';
      button.dataset.act = 'accept';
      row.querySelector('[data-act="edit"]').after(button);
    }
    recount();
  }

  function recount() {
    const rows = Array.from(document.querySelectorAll('.row'));
    const count = (keep) => rows.filter(keep).length;
    const set = (name, value) => {
      const item = document.querySelector('.sum-' + name + ' b');
      if (item) item.textContent = String(value);
    };
    set('work', count((row) => row.dataset.work === '1'));
    for (const status of ['current', 'stale', 'missing', 'conflict']) set(status, count((row) => row.dataset.status === status));
    set('reviewed', count((row) => row.dataset.reviewed === '1'));
    set('edited', count((row) => row.querySelector('.badges .badge-edited') !== null));
    for (const button of document.querySelectorAll('button[data-filter]')) {
      const filter = button.dataset.filter;
      const value = filter === 'all' ? rows.length : filter === 'qa' ? count((row) => row.dataset.qa === '1') : count((row) => row.dataset.status === filter);
      button.querySelector('.count').textContent = String(value);
    }
  }

  function currentTranslation(row) {
    const raw = row.querySelector('.cell.target .raw');
    return raw ? raw.textContent : '';
  }

  function startEdit(row) {
    if (editing) {
      if (editing.row === row) return editing.textarea.focus();
      cancelEdit();
    }
    const cell = row.querySelector('.cell.target');
    const textarea = el('textarea', 'editor');
    textarea.value = currentTranslation(row);
    textarea.setAttribute('aria-label', 'Translation of ' + row.dataset.id + ' (Ctrl+Enter saves, Esc cancels)');
    const findings = el('ul', 'draft-findings');
    findings.setAttribute('aria-live', 'polite');
    findings.setAttribute('aria-label', 'QA findings on the draft');
    for (const child of cell.children) if (!child.classList.contains('cell-label')) child.hidden = true;
    cell.append(textarea, findings);
    editing = { row, cell, textarea, findings, timer: 0 };
    textarea.addEventListener('input', () => {
      clearTimeout(editing.timer);
      editing.timer = setTimeout(checkDraft, 250);
    });
    notice(row, 'Editing: Ctrl+Enter saves, Esc cancels');
    textarea.focus();
    checkDraft();
  }

  function endEdit() {
    const { cell, textarea, findings, timer } = editing;
    clearTimeout(timer);
    textarea.remove();
    findings.remove();
    for (const child of cell.children) child.hidden = false;
    editing = null;
  }

  function cancelEdit() {
    const row = editing.row;
    endEdit();
    notice(row, '');
    row.focus();
  }

  function checkDraft() {
    const draft = editing;
    if (!draft) return;
    api('POST', '/api/check', { id: draft.row.dataset.id, translation: draft.textarea.value }).then(({ status, data }) => {
      if (editing !== draft || status !== 200) return;
      draft.findings.replaceChildren(...data.findings.map((finding) => el('li', '', finding.check + ': ' + finding.message)));
      if (!data.findings.length) draft.findings.append(el('li', '', 'No QA findings on this draft.'));
    }, () => {});
  }

  function save() {
    const draft = editing;
    const row = draft.row;
    notice(row, 'Saving\\u2026');
    const body = { translation: draft.textarea.value, base: row.dataset.hash, sourceHash: row.dataset.sourceHash };
    api('PUT', '/api/segments/' + encodeURIComponent(row.dataset.id), body).then(({ status, data }) => {
      if (status === 200) {
        if (editing === draft) endEdit();
        update(row, data.segment);
        notice(row, 'Saved');
        row.focus();
      } else if (status === 409) {
        notice(row, 'Not saved: ' + data.error + ' Your text is still in the editor: copy it, reload the page, and apply it to the new version.', true);
      } else {
        notice(row, 'Not saved: ' + (data.error || 'the server answered ' + status), true);
      }
    }, () => notice(row, 'Not saved: the review server is not answering.', true));
  }

  function accept(row, suggestion) {
    notice(row, 'Accepting\\u2026');
    api('POST', '/api/segments/' + encodeURIComponent(row.dataset.id) + '/accept', { suggestion, base: row.dataset.hash }).then(({ status, data }) => {
      if (status === 200) {
        update(row, data.segment);
        notice(row, suggestion ? 'Took the suggestion; marked reviewed' : 'Marked reviewed');
      } else {
        notice(row, 'Not accepted: ' + (data.error || 'the server answered ' + status), true);
      }
    }, () => notice(row, 'Not accepted: the review server is not answering.', true));
  }

  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button[data-act]') : null;
    if (!button) return;
    const row = button.closest('.row');
    const act = button.dataset.act;
    if (act === 'edit') startEdit(row);
    else accept(row, act === 'accept-suggestion');
  });

  document.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
    if (editing && event.target === editing.textarea) {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        save();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        cancelEdit();
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (!(target instanceof HTMLElement) || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(target.tagName)) return;
    const row = target.closest('.row');
    if (!row) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      startEdit(row);
    } else if (event.key === 'a') {
      event.preventDefault();
      if (row.querySelector('[data-act="accept"]')) accept(row, false);
      else notice(row, 'Nothing to accept: there is no translation yet.', true);
    }
  });
})();
`;
