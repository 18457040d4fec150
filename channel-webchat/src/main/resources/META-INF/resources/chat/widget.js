// The chat on any site: <script src="https://your-platform/chat/widget.js"></script> (data-entry="…" picks the
// conversation flow serving that entry point). A button opens the chat in a
// frame from the platform (so the host page's styles and scripts cannot touch it, nor it theirs); the platform lets
// only the sites allowed by its configuration frame it.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__noholdChat) { return; }
  window.__noholdChat = true;
  var base = new URL(script.src, window.location.href).origin;

  var host = document.createElement('div');
  host.setAttribute('data-nohold-chat', '');
  var root = host.attachShadow({ mode: 'open' });
  var style = document.createElement('style');
  style.textContent =
    ':host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; font: 16px system-ui, sans-serif; }' +
    'button { font: inherit; padding: 10px 16px; border: 0; border-radius: 24px; background: #0b5cad; color: #fff; cursor: pointer; }' +
    'button:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }' +
    '.panel { display: none; position: fixed; right: 16px; bottom: 72px; width: min(400px, calc(100vw - 32px)); height: min(600px, calc(100vh - 96px)); border: 1px solid #c9d1d9; border-radius: 12px; overflow: hidden; background: #fff; box-shadow: 0 8px 24px rgba(0,0,0,.2); }' +
    '.panel.open { display: block; }' +
    'iframe { width: 100%; height: 100%; border: 0; }';
  var toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.textContent = 'Chat with us';
  toggle.setAttribute('aria-expanded', 'false');
  var panel = document.createElement('div');
  panel.className = 'panel';
  var frame = null;

  toggle.addEventListener('click', function () {
    if (!frame) {
      frame = document.createElement('iframe');
      frame.title = 'Chat';
      var entry = script.getAttribute('data-entry');
      frame.src = base + '/chat' + (entry ? '?entry=' + encodeURIComponent(entry) : '');
      frame.allow = 'microphone';
      panel.appendChild(frame);
    }
    var open = !panel.classList.contains('open');
    panel.classList.toggle('open', open);
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? 'Close chat' : 'Chat with us';
  });

  root.appendChild(style);
  root.appendChild(panel);
  root.appendChild(toggle);
  (document.body || document.documentElement).appendChild(host);
}());
