// The customer's chat: one WebSocket to /chat/ws, the browser's token in localStorage, every message rendered as
// text (never HTML), acknowledged once shown, and resent with its own id after a lost connection.
(function () {
  'use strict';

  var TOKEN = 'nohold-chat-token';
  var $ = function (id) { return document.getElementById(id); };
  var conversation = $('conversation');
  var rendered = {};          // message id -> true, so a resent message never shows twice
  var pending = {};           // client id -> {text, element}: written, not yet stored by the server
  var lastId = 0;             // the newest message shown: a reconnect resumes after it
  var socket = null;
  var ready = false;
  var retry = 1000;
  var live = false;
  var limits = { maxMessageLength: 2000, maxVoiceNoteBytes: 2000000, maxVoiceNoteSeconds: 120 };
  var ackTimer = null;
  var lastTyping = 0;
  var typingTimer = null;

  function storedToken() {
    try { return window.localStorage.getItem(TOKEN); } catch (e) { return null; }
  }

  function keepToken(token) {
    try { window.localStorage.setItem(TOKEN, token); } catch (e) { /* private mode: this page only */ }
  }

  function newId() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    return String(Date.now()) + '-' + String(Math.random()).slice(2);
  }

  function status(text) { $('connection').textContent = text; }

  function connect() {
    var scheme = window.location.protocol === 'https:' ? 'wss://' : 'ws://';
    socket = new WebSocket(scheme + window.location.host + '/chat/ws');
    socket.binaryType = 'arraybuffer';
    socket.onopen = function () {
      retry = 1000;
      // The entry point (?entry=… on the page, data-entry on the widget) picks the conversation flow that greets.
      var entry = new URLSearchParams(window.location.search).get('entry');
      socket.send(JSON.stringify({ type: 'hello', token: storedToken(), after: lastId, entry: entry }));
    };
    socket.onmessage = function (event) { heard(JSON.parse(event.data)); };
    socket.onclose = function () {
      ready = false;
      status('Connection lost; reconnecting…');
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 15000);
    };
  }

  function heard(frame) {
    if (frame.type === 'welcome') {
      if (frame.token) { keepToken(frame.token); }
      limits.maxMessageLength = frame.maxMessageLength;
      limits.maxVoiceNoteBytes = frame.maxVoiceNoteBytes;
      limits.maxVoiceNoteSeconds = frame.maxVoiceNoteSeconds;
      ready = true;
      status('');
      document.body.dataset.ready = 'true';
      Object.keys(pending).forEach(function (clientId) {
        socket.send(JSON.stringify({ type: 'say', id: clientId, text: pending[clientId].text }));
      });
    } else if (frame.type === 'message') {
      show(frame);
    } else if (frame.type === 'standing') {
      standing(frame);
    } else if (frame.type === 'typing') {
      $('typing').hidden = false;
      clearTimeout(typingTimer);
      typingTimer = setTimeout(function () { $('typing').hidden = true; }, 4000);
    } else if (frame.type === 'error') {
      line('error', frame.error, null);
    }
  }

  function show(message) {
    if (rendered[message.id]) { return; }
    rendered[message.id] = true;
    lastId = Math.max(lastId, message.id);
    var waiting = message.clientId && pending[message.clientId];
    var element = line(message.kind, message.text, meta(message));
    if (waiting) {
      conversation.replaceChild(element, waiting.element);
      delete pending[message.clientId];
    }
    if (message.kind === 'agent') { $('typing').hidden = true; }
    offer(message.choices || []);
    if (message.audio) {
      var audio = document.createElement('audio');
      audio.controls = true;
      audio.preload = 'none';
      audio.src = message.audio;
      audio.setAttribute('aria-label', 'Recorded answer');
      element.appendChild(audio);
    }
    clearTimeout(ackTimer);
    ackTimer = setTimeout(function () {
      if (ready) { socket.send(JSON.stringify({ type: 'ack', id: lastId })); }
    }, 100);
  }

  // The bot's quick replies: buttons under its newest message, each sending its choice as the customer's words;
  // anything said after them takes them away.
  function offer(choices) {
    Array.prototype.forEach.call(conversation.querySelectorAll('.choices'), function (old) { old.remove(); });
    if (!choices.length) { return; }
    var group = document.createElement('div');
    group.className = 'choices';
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', 'Quick replies');
    choices.forEach(function (choice) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = choice;
      button.addEventListener('click', function () { say(choice); });
      group.appendChild(button);
    });
    conversation.appendChild(group);
    conversation.scrollTop = conversation.scrollHeight;
  }

  function meta(message) {
    if (message.kind === 'agent') { return message.by ? 'Agent ' + message.by : 'Agent'; }
    if (message.kind === 'customer') { return 'You'; }
    if (message.kind === 'bot') { return 'Assistant'; }
    return null;
  }

  function line(kind, text, who) {
    var element = document.createElement('p');
    element.className = 'line ' + kind;
    if (who) {
      var label = document.createElement('span');
      label.className = 'meta';
      label.textContent = who;
      element.appendChild(label);
    }
    element.appendChild(document.createTextNode(text || ''));
    conversation.appendChild(element);
    conversation.scrollTop = conversation.scrollHeight;
    return element;
  }

  function standing(frame) {
    live = frame.state === 'live';
    var text = '';
    if (frame.state === 'waiting') {
      text = 'Request ' + frame.reference + ': you are number ' + frame.position + ' in line';
      if (frame.soon) {
        text += '; an agent will take it in a moment.';
      } else if (frame.minutes !== undefined) {
        text += ', about ' + (frame.minutes < 1 ? 'a minute' : frame.minutes + (frame.minutes === 1 ? ' minute' : ' minutes')) + ' to wait.';
      } else {
        text += '; no estimate of the wait yet.';
      }
    } else if (frame.state === 'with-agent') {
      text = 'Request ' + frame.reference + ': an agent is preparing your answer.';
    } else if (frame.state === 'live') {
      text = 'Request ' + frame.reference + ': you are talking with ' + frame.agent + '.';
    }
    $('standing').textContent = text;
  }

  $('compose').addEventListener('submit', function (event) {
    event.preventDefault();
    var text = $('message').value.trim();
    if (!text) { return; }
    if (text.length > limits.maxMessageLength) {
      line('error', 'That message is too long: at most ' + limits.maxMessageLength + ' characters, please shorten it.', null);
      return;
    }
    $('message').value = '';
    say(text);
  });

  function say(text) {
    var clientId = newId();
    pending[clientId] = { text: text, element: line('customer', text, 'You (sending…)') };
    if (ready) { socket.send(JSON.stringify({ type: 'say', id: clientId, text: text })); }
  }

  $('message').addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      $('compose').requestSubmit();
    }
  });

  $('message').addEventListener('input', function () {
    var now = Date.now();
    if (live && ready && now - lastTyping > 3000) {
      lastTyping = now;
      socket.send(JSON.stringify({ type: 'typing' }));
    }
  });

  $('phone-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var number = $('phone').value.trim();
    if (number && ready) { socket.send(JSON.stringify({ type: 'phone', number: number })); }
  });

  // ---- voice notes -------------------------------------------------------------------------------------------
  var recorder = null;
  var chunks = [];
  var sendWhenStopped = false;
  var recordingTimer = null;
  var recordingStarted = 0;

  function recordingUi(recording) {
    $('record').hidden = recording;
    $('send-voice').hidden = !recording;
    $('cancel-voice').hidden = !recording;
  }

  $('record').addEventListener('click', function () {
    if (!navigator.mediaDevices || !window.MediaRecorder) {
      $('voice-status').textContent = 'This browser cannot record voice notes.';
      return;
    }
    navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
      var type = MediaRecorder.isTypeSupported('audio/webm;codecs=opus') ? 'audio/webm;codecs=opus' : '';
      recorder = type ? new MediaRecorder(stream, { mimeType: type }) : new MediaRecorder(stream);
      chunks = [];
      sendWhenStopped = false;
      recorder.addEventListener('dataavailable', function (event) { if (event.data.size) { chunks.push(event.data); } });
      recorder.addEventListener('stop', function () {
        stream.getTracks().forEach(function (track) { track.stop(); });
        clearInterval(recordingTimer);
        recordingUi(false);
        if (sendWhenStopped) { sendVoiceNote(new Blob(chunks, { type: recorder.mimeType })); }
        else { $('voice-status').textContent = 'Voice note discarded.'; }
      });
      recorder.start(250);
      recordingStarted = Date.now();
      recordingUi(true);
      $('voice-status').textContent = 'Recording…';
      recordingTimer = setInterval(function () {
        var seconds = Math.round((Date.now() - recordingStarted) / 1000);
        $('voice-status').textContent = 'Recording… ' + seconds + ' s';
        if (seconds >= limits.maxVoiceNoteSeconds) {
          sendWhenStopped = true;
          recorder.stop();
        }
      }, 1000);
      $('send-voice').focus();
    }).catch(function () {
      $('voice-status').textContent = 'The microphone could not be opened.';
    });
  });

  $('send-voice').addEventListener('click', function () {
    if (recorder && recorder.state === 'recording') {
      sendWhenStopped = true;
      recorder.stop();
    }
  });

  $('cancel-voice').addEventListener('click', function () {
    if (recorder && recorder.state === 'recording') {
      sendWhenStopped = false;
      recorder.stop();
    }
  });

  function sendVoiceNote(blob) {
    if (blob.size > limits.maxVoiceNoteBytes) {
      line('error', 'That voice note is too long to send; please record a shorter one.', null);
      return;
    }
    blob.arrayBuffer().then(function (bytes) {
      if (!ready) {
        line('error', 'The voice note could not be sent: the connection is lost. Please record it again.', null);
        return;
      }
      socket.send(bytes);
      $('voice-status').textContent = 'Voice note sent.';
      $('record').focus();
    });
  }

  connect();
}());
