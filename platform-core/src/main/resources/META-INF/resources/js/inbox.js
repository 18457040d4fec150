// The inbox: fills the server-rendered frame from the API and keeps it current from /api/events.
// Everything a customer or agent wrote is put into the page with textContent, never as HTML.
(function () {
  'use strict';

  var body = document.body;
  var me = body.dataset.username;
  var supervisor = body.dataset.supervisor === 'true';
  var csrf = document.querySelector('meta[name="csrf-token"]').content;
  var baseTitle = document.title;

  var STATUS_WORDS = {
    RECEIVED: 'Received', TRANSCRIBING: 'Transcribing', QUEUED: 'Queued', ASSIGNED: 'Assigned',
    ANSWERED: 'Answered', DELIVERED: 'Delivered', DELIVERY_FAILED: 'Delivery failed', CANCELLED: 'Cancelled'
  };
  var DELIVERY_WORDS = { PENDING: 'Sending', SENT: 'Sent', DELIVERED: 'Delivered', FAILED: 'Failed' };
  var PRESENCE_WORDS = { AVAILABLE: 'Available', AWAY: 'Away', OFFLINE: 'Offline' };
  // Below this, speech recognition was unsure of the words: the agent should listen.
  var LOW_CONFIDENCE = 0.6;

  var $ = function (id) { return document.getElementById(id); };
  var openId = null;
  var openRequest = null;
  var known = null; // ids in the list, to tell new work from old
  var lastList = [];

  // ---- calls -----------------------------------------------------------------------------------------------
  function call(method, url, json) {
    var options = { method: method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
    if (method !== 'GET') {
      options.headers['X-CSRF-Token'] = csrf;
    }
    if (json instanceof FormData) {
      options.body = json; // the browser sets the multipart boundary
    } else if (json !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(json);
    }
    return fetch(url, options).then(function (response) {
      if (response.status === 401) {
        // The session ended (logged out elsewhere, or expired): back to the login page.
        window.location.assign('/login');
        throw new Error('Your session has ended.');
      }
      return response.text().then(function (text) {
        var data = text ? JSON.parse(text) : null;
        if (!response.ok) {
          var error = new Error(data && data.error ? data.error : 'The platform answered ' + response.status);
          error.status = response.status;
          throw error;
        }
        return data;
      });
    });
  }

  function say(message) {
    $('status').textContent = message;
  }

  // ---- helpers ---------------------------------------------------------------------------------------------
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function words(map, value) {
    return map[value] || (value ? value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ') : '');
  }

  function duration(seconds) {
    seconds = Math.max(0, Math.round(seconds));
    if (seconds < 60) { return seconds + ' s'; }
    var minutes = Math.floor(seconds / 60);
    if (minutes < 60) { return minutes + ' min ' + (seconds % 60) + ' s'; }
    var hours = Math.floor(minutes / 60);
    return hours + ' h ' + (minutes % 60) + ' min';
  }

  function since(iso) {
    return duration((Date.now() - Date.parse(iso)) / 1000);
  }

  function clock(iso) {
    var date = new Date(iso);
    return date.toLocaleString([], { dateStyle: 'short', timeStyle: 'medium' });
  }

  function timeElement(iso) {
    var node = el('time', null, clock(iso));
    node.dateTime = iso;
    return node;
  }

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  }

  // ---- sound -----------------------------------------------------------------------------------------------
  var muted = localStorage.getItem('nohold.muted') === 'true';
  var audioContext = null;

  function showSound() {
    $('sound').setAttribute('aria-pressed', String(muted));
  }

  $('sound').addEventListener('click', function () {
    muted = !muted;
    localStorage.setItem('nohold.muted', String(muted));
    showSound();
  });
  showSound();

  // A short two-tone chime, made here so no sound file is needed; browsers allow it once the agent has
  // interacted with the page.
  function chime() {
    if (muted) { return; }
    try {
      audioContext = audioContext || new (window.AudioContext || window.webkitAudioContext)();
      [660, 880].forEach(function (frequency, i) {
        var oscillator = audioContext.createOscillator();
        var gain = audioContext.createGain();
        var start = audioContext.currentTime + i * 0.15;
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.15, start);
        gain.gain.exponentialRampToValueAtTime(0.001, start + 0.14);
        oscillator.connect(gain).connect(audioContext.destination);
        oscillator.start(start);
        oscillator.stop(start + 0.15);
      });
    } catch (e) {
      // No audio output: the title and the list still tell the agent.
    }
  }

  // ---- presence --------------------------------------------------------------------------------------------
  $('presence').addEventListener('change', function (event) {
    var status = event.target.value;
    call('PUT', '/api/me/presence', { status: status }).then(function (profile) {
      say('You are ' + words(PRESENCE_WORDS, profile.presence) + '.');
    }).catch(function (error) {
      say('Your presence was not changed: ' + error.message);
    });
  });

  // ---- the requests list -----------------------------------------------------------------------------------
  function renderList(requests) {
    lastList = requests;
    var list = $('requests');
    list.replaceChildren();
    var fresh = false;
    var ids = {};
    requests.forEach(function (request) {
      ids[request.id] = true;
      if (known && !known[request.id]) { fresh = true; }
      var item = el('li');
      var link = el('a', 'item');
      link.href = '/inbox?request=' + encodeURIComponent(request.id);
      link.dataset.id = request.id;
      if (request.id === openId) { link.setAttribute('aria-current', 'true'); }
      var top = el('span', 'line');
      top.appendChild(el('strong', null, request.reference));
      top.appendChild(el('span', 'channel', request.channel));
      top.appendChild(el('span', 'waiting', 'waiting ' + since(request.createdAt)));
      link.appendChild(top);
      link.appendChild(el('span', 'snippet', request.text || (request.audioUrl ? 'Recording' : '')));
      item.appendChild(link);
      list.appendChild(item);
    });
    known = ids;
    $('no-requests').hidden = requests.length > 0;
    $('request-count').textContent = String(requests.length);
    document.title = requests.length > 0 ? '(' + requests.length + ') ' + baseTitle : baseTitle;
    if (fresh) {
      chime();
      say('A new request has arrived.');
    }
  }

  function loadList() {
    return call('GET', '/api/me/requests').then(renderList).catch(function (error) {
      say('Your requests could not be loaded: ' + error.message);
    });
  }

  $('requests').addEventListener('click', function (event) {
    var link = event.target.closest('a[data-id]');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
    event.preventDefault();
    open(link.dataset.id, true);
  });

  // ---- the open request ------------------------------------------------------------------------------------
  function open(id, remember) {
    if (openId !== id && voice) { discardVoice(); }
    openId = id;
    if (remember) {
      history.pushState({ request: id }, '', '/inbox?request=' + encodeURIComponent(id));
    }
    document.querySelectorAll('#requests a[data-id]').forEach(function (link) {
      if (link.dataset.id === id) { link.setAttribute('aria-current', 'true'); } else { link.removeAttribute('aria-current'); }
    });
    loadCanned();
    return loadOpen(true);
  }

  function loadOpen(focus) {
    if (!openId) { return Promise.resolve(); }
    var id = openId;
    return call('GET', '/api/requests/' + encodeURIComponent(id)).then(function (request) {
      if (id !== openId) { return; }
      renderRequest(request);
      if (focus) { $('request').focus(); }
    }).catch(function (error) {
      if (id !== openId) { return; }
      openRequest = null;
      $('request-body').hidden = true;
      $('request-empty').hidden = true;
      $('request-heading').textContent = 'Request';
      $('request-error').hidden = false;
      $('request-error').textContent = error.status === 403 || error.status === 404
        ? 'You cannot open this request: ' + error.message
        : 'The request could not be loaded: ' + error.message;
    });
  }

  function renderRequest(request) {
    var audioChanged = !openRequest || openRequest.id !== request.id || openRequest.audioUrl !== request.audioUrl;
    openRequest = request;
    $('request-error').hidden = true;
    $('request-empty').hidden = true;
    $('request-body').hidden = false;
    $('request-heading').textContent = 'Request ' + request.reference;
    $('request-status').textContent = words(STATUS_WORDS, request.status);
    $('request-channel').textContent = request.channel;
    $('request-customer').textContent = request.from;
    showWaiting();
    $('request-text').textContent = request.text || (request.audioUrl ? '(no transcript)' : '');

    var recording = $('recording');
    recording.hidden = !request.audioUrl;
    if (request.audioUrl && audioChanged) {
      $('request-audio').src = request.audioUrl;
    }
    var note = '';
    if (request.audioUrl && request.transcriptConfidence !== null && request.transcriptConfidence !== undefined) {
      var percent = Math.round(request.transcriptConfidence * 100);
      note = request.transcriptConfidence < LOW_CONFIDENCE
        ? 'Low confidence transcript (' + percent + ' %): listen to the recording.'
        : 'Transcript confidence ' + percent + ' %.';
    }
    $('transcript-note').textContent = note;
    $('transcript-note').classList.toggle('warning', note.indexOf('Low') === 0);

    renderConversation(request.messages || []);
    renderDeliveries(request.deliveries || []);
    renderHistory(request);
    renderTimeline(request.events || []);

    var mine = request.assignedTo === me && request.status === 'ASSIGNED';
    $('reply-form').hidden = !mine;
    loadSuggestions(request, mine);
    liveChat.load();
    $('request-holder').textContent = request.assignedTo || 'nobody';
    renderSupervise(request);
  }

  function showWaiting() {
    if (!openRequest) { return; }
    var answered = (openRequest.replies || [])[0];
    $('request-waiting').textContent = answered
      ? 'answered after ' + duration((Date.parse(answered.at) - Date.parse(openRequest.createdAt)) / 1000)
      : since(openRequest.createdAt) + ' (since ' + clock(openRequest.createdAt) + ')';
  }

  function renderConversation(messages) {
    var list = $('conversation');
    list.replaceChildren();
    messages.forEach(function (message) {
      var outgoing = String(message.direction).toLowerCase() === 'out';
      var item = el('li', outgoing ? 'out' : 'in');
      var meta = el('p', 'meta');
      meta.appendChild(document.createTextNode((outgoing ? (message.by || 'Agent') : 'Customer') + ' · '
        + message.channel + ' · '));
      meta.appendChild(timeElement(message.at));
      item.appendChild(meta);
      if (message.text) { item.appendChild(el('p', 'text', message.text)); }
      if (message.audioUrl && outgoing) {
        var audio = el('audio');
        audio.controls = true;
        audio.preload = 'none';
        audio.src = message.audioUrl;
        item.appendChild(audio);
      }
      list.appendChild(item);
    });
  }

  function renderDeliveries(deliveries) {
    var list = $('deliveries');
    list.replaceChildren();
    deliveries.forEach(function (delivery) {
      var status = words(DELIVERY_WORDS, delivery.status);
      var item = el('li', 'delivery ' + String(delivery.status).toLowerCase());
      item.dataset.id = delivery.id;
      item.appendChild(el('strong', 'delivery-status', status));
      item.appendChild(el('span', 'detail', ' via ' + delivery.channel + (delivery.address ? ' to ' + delivery.address : '')));
      if (delivery.status === 'FAILED' && delivery.error) {
        item.appendChild(el('span', 'reason', ': ' + delivery.error));
      }
      var more = '';
      if (delivery.attempts > 1) {
        more += ', retried ' + (delivery.attempts - 1) + (delivery.attempts === 2 ? ' time' : ' times');
      }
      if (delivery.status !== 'FAILED' && delivery.error) {
        more += ' (last error: ' + delivery.error + ')';
      }
      if (delivery.replaces) { more += ' (sent again after a failure)'; }
      if (delivery.replacedBy) { more += '; sent again below'; }
      if (more) { item.appendChild(el('span', 'detail', more)); }
      if (delivery.status === 'FAILED' && !delivery.replacedBy && mayRedeliver(delivery)) {
        item.appendChild(redeliveryButtons(delivery));
      }
      list.appendChild(item);
    });
    $('no-deliveries').hidden = deliveries.length > 0;
  }

  // The API decides; the buttons are offered to whom it allows: the answer's author and supervisors.
  function mayRedeliver(delivery) {
    if (supervisor) { return true; }
    var reply = ((openRequest && openRequest.replies) || []).filter(function (r) { return r.id === delivery.replyId; })[0];
    return !!reply && reply.by === me;
  }

  // "Retry" on the same channel; "Send by <channel>" for every other channel the customer has an address on.
  function redeliveryButtons(delivery) {
    var actions = el('span', 'actions');
    var base = '/api/requests/' + encodeURIComponent(openId) + '/deliveries/' + encodeURIComponent(delivery.id);
    actions.appendChild(actionButton('Retry', function () {
      return call('POST', base + '/retry');
    }, 'Retrying the delivery via ' + delivery.channel + '.'));
    var seen = {};
    ((openRequest && openRequest.customerAddresses) || []).forEach(function (address) {
      if (address.channel === delivery.channel || seen[address.channel]) { return; }
      seen[address.channel] = true;
      actions.appendChild(actionButton('Send by ' + address.channel, function () {
        return call('POST', base + '/resend', { channel: address.channel, address: address.address });
      }, 'Sending the answer by ' + address.channel + ' to ' + address.address + '.'));
    });
    return actions;
  }

  // A button that makes one call, shows the request it answers with, and says what happened.
  function actionButton(label, action, done) {
    var button = el('button', 'secondary', label);
    button.type = 'button';
    button.addEventListener('click', function () {
      button.disabled = true;
      action().then(function (request) {
        say(done);
        if (request && request.id === openId) { renderRequest(request); }
      }).catch(function (error) {
        button.disabled = false;
        say(label + ' did not work: ' + error.message);
      });
    });
    return button;
  }

  function renderHistory(request) {
    var list = $('history');
    list.replaceChildren();
    (request.customerRequests || []).filter(function (other) { return other.id !== request.id; })
      .forEach(function (other) {
        var item = el('li');
        var link = el('a', null, other.reference);
        link.href = '/inbox?request=' + encodeURIComponent(other.id);
        link.dataset.id = other.id;
        item.appendChild(link);
        item.appendChild(document.createTextNode(' · ' + other.channel + ' · ' + words(STATUS_WORDS, other.status) + ' · '));
        item.appendChild(timeElement(other.createdAt));
        list.appendChild(item);
      });
    if (!list.children.length) {
      list.appendChild(el('li', 'empty', 'None.'));
    }
  }

  $('history').addEventListener('click', function (event) {
    var link = event.target.closest('a[data-id]');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
    event.preventDefault();
    open(link.dataset.id, true);
  });

  function renderTimeline(events) {
    var list = $('timeline');
    list.replaceChildren();
    events.forEach(function (event) {
      var item = el('li');
      item.appendChild(timeElement(event.at));
      item.appendChild(el('span', 'type', ' ' + words(STATUS_WORDS, event.type)));
      if (event.detail) { item.appendChild(el('span', 'detail', ': ' + event.detail)); }
      list.appendChild(item);
    });
  }

  // ---- replying --------------------------------------------------------------------------------------------
  $('reply-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var text = $('reply').value.trim();
    if (!text || !openId) {
      say('Write a reply first.');
      $('reply').focus();
      return;
    }
    var button = $('reply-form').querySelector('button');
    button.disabled = true;
    call('POST', '/api/requests/' + encodeURIComponent(openId) + '/reply', { text: text }).then(function (request) {
      $('reply').value = '';
      say('Reply sent to ' + request.reference + '.');
      renderRequest(request);
      loadList();
    }).catch(function (error) {
      say('Your reply was not sent: ' + error.message);
    }).then(function () {
      button.disabled = false;
    });
  });

  // ---- voice replies: recorded in the browser, heard back, then sent (with the reply's text, if any) ---------
  var recorder = null;
  var voice = null;

  function showVoice(state) {
    $('record').hidden = state !== 'idle';
    $('stop-recording').hidden = state !== 'recording';
    $('voice-preview').hidden = state !== 'recorded';
    $('send-voice').hidden = state !== 'recorded';
    $('discard-voice').hidden = state !== 'recorded';
  }

  function discardVoice() {
    if ($('voice-preview').src) { URL.revokeObjectURL($('voice-preview').src); }
    $('voice-preview').removeAttribute('src');
    voice = null;
    showVoice('idle');
  }

  $('record').addEventListener('click', function () {
    if (!navigator.mediaDevices || !window.MediaRecorder) {
      say('This browser cannot record: write your reply instead.');
      return;
    }
    navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
      var chunks = [];
      recorder = new MediaRecorder(stream);
      recorder.addEventListener('dataavailable', function (event) { chunks.push(event.data); });
      recorder.addEventListener('stop', function () {
        stream.getTracks().forEach(function (track) { track.stop(); });
        voice = new Blob(chunks, { type: recorder.mimeType || 'audio/webm' });
        $('voice-preview').src = URL.createObjectURL(voice);
        showVoice('recorded');
        say('Voice reply recorded: listen to it, then send or discard it.');
        $('send-voice').focus();
      });
      recorder.start();
      showVoice('recording');
      say('Recording your voice reply.');
      $('stop-recording').focus();
    }).catch(function (error) {
      say('The microphone could not be used: ' + error.message);
    });
  });

  $('stop-recording').addEventListener('click', function () {
    if (recorder && recorder.state === 'recording') { recorder.stop(); }
  });

  $('discard-voice').addEventListener('click', function () {
    discardVoice();
    say('Voice reply discarded.');
    $('record').focus();
  });

  $('send-voice').addEventListener('click', function () {
    if (!voice || !openId) { return; }
    var form = new FormData();
    form.append('audio', voice, 'voice-reply.' + (voice.type.indexOf('ogg') >= 0 ? 'ogg' : 'webm'));
    if ($('reply').value.trim()) { form.append('text', $('reply').value.trim()); }
    $('send-voice').disabled = true;
    call('POST', '/api/requests/' + encodeURIComponent(openId) + '/reply', form).then(function (request) {
      $('reply').value = '';
      discardVoice();
      say('Voice reply sent to ' + request.reference + '.');
      renderRequest(request);
      loadList();
    }).catch(function (error) {
      say('Your voice reply was not sent: ' + error.message);
    }).then(function () {
      $('send-voice').disabled = false;
    });
  });

  $('reply').addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      $('reply-form').requestSubmit();
    }
  });

  // ---- canned responses ------------------------------------------------------------------------------------
  var canned = [];

  function loadCanned() {
    return call('GET', '/api/canned-responses').then(function (list) {
      canned = list;
      var select = $('canned');
      var chosen = select.value;
      select.replaceChildren(el('option', null, 'Choose…'));
      select.firstChild.value = '';
      list.forEach(function (item) {
        var option = el('option', null, item.title);
        option.value = item.id;
        select.appendChild(option);
      });
      select.value = chosen;
      if ($('canned-list')) { renderCannedList(list); }
    }).catch(function (error) {
      say('The canned responses could not be loaded: ' + error.message);
    });
  }

  // Placeholders are filled in for the open request; an unknown one is left as it is, for the agent to see.
  function fill(text) {
    var values = {
      reference: openRequest ? openRequest.reference : '',
      customer: openRequest ? openRequest.from : '',
      agent: body.dataset.displayName || me
    };
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : all;
    });
  }

  $('canned-insert').addEventListener('click', function () {
    var item = canned.filter(function (c) { return c.id === $('canned').value; })[0];
    if (!item) {
      say('Choose a canned response first.');
      $('canned').focus();
      return;
    }
    insertIntoReply(fill(item.text));
    $('canned').value = '';
  });

  // Text goes in where the cursor is (replacing a selection), and the cursor after it, ready to go on typing.
  function insertIntoReply(text) {
    var reply = $('reply');
    var start = reply.selectionStart;
    reply.value = reply.value.slice(0, start) + text + reply.value.slice(reply.selectionEnd);
    reply.focus();
    reply.setSelectionRange(start + text.length, start + text.length);
  }

  // "/" typed into an empty reply goes to the canned responses instead.
  $('reply').addEventListener('keydown', function (event) {
    if (event.key === '/' && $('reply').value === '' && canned.length) {
      event.preventDefault();
      $('canned').focus();
    }
  });

  function renderCannedList(list) {
    var target = $('canned-list');
    target.replaceChildren();
    list.forEach(function (item) {
      var row = el('li');
      var summary = el('div');
      summary.appendChild(el('strong', null, item.title));
      summary.appendChild(el('p', 'note', item.text));
      row.appendChild(summary);
      var remove = el('button', 'secondary', 'Delete');
      remove.type = 'button';
      remove.setAttribute('aria-label', 'Delete ' + item.title);
      remove.addEventListener('click', function () {
        call('DELETE', '/api/canned-responses/' + encodeURIComponent(item.id)).then(function () {
          say('Canned response "' + item.title + '" deleted.');
          loadCanned();
        }).catch(function (error) { say('Not deleted: ' + error.message); });
      });
      row.appendChild(remove);
      target.appendChild(row);
    });
    if (!list.length) { target.appendChild(el('li', 'empty', 'None yet.')); }
  }

  if ($('canned-form')) {
    $('canned-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var title = $('canned-title').value.trim();
      call('POST', '/api/canned-responses', { title: title, text: $('canned-text').value }).then(function () {
        $('canned-form').reset();
        say('Canned response "' + title + '" added.');
        loadCanned();
      }).catch(function (error) { say('Not added: ' + error.message); });
    });
  }

  // ---- suggested answers: the knowledge base searched with what the customer said ---------------------------
  var suggestions = [];
  var suggestedFor = null;
  var SOURCE_WORDS = { article: 'Knowledge-base article', 'past-answer': 'Past answer' };

  function loadSuggestions(request, mine) {
    $('suggestions').hidden = !mine;
    if (!mine) { return; }
    var key = request.id + '\n' + (request.text || '');
    if (key === suggestedFor) { return; }
    suggestedFor = key;
    suggestions = [];
    if (!request.text) { renderSuggestions([]); return; }
    var url = '/api/knowledge/search?limit=3&q=' + encodeURIComponent(request.text.slice(0, 1000))
      + '&request=' + encodeURIComponent(request.id)
      + (request.language ? '&language=' + encodeURIComponent(request.language) : '');
    call('GET', url).then(function (list) {
      if (suggestedFor !== key) { return; }
      suggestions = list;
      renderSuggestions(list);
    }).catch(function (error) {
      suggestedFor = null;
      say('The suggested answers could not be loaded: ' + error.message);
    });
  }

  function renderSuggestions(list) {
    var target = $('suggestions-list');
    target.replaceChildren();
    list.forEach(function (match, index) {
      var row = el('li');
      var summary = el('div');
      summary.appendChild(el('strong', null, match.question));
      summary.appendChild(el('p', null, match.answer));
      summary.appendChild(el('p', 'source', (SOURCE_WORDS[match.source] || match.source) + ', '
        + Math.round(match.confidence * 100) + ' % sure'));
      row.appendChild(summary);
      var insert = el('button', 'secondary', 'Insert');
      insert.type = 'button';
      insert.setAttribute('aria-label', 'Insert suggested answer ' + (index + 1));
      insert.setAttribute('aria-keyshortcuts', 'Alt+' + (index + 1));
      insert.addEventListener('click', function () { insertSuggestion(index); });
      row.appendChild(insert);
      target.appendChild(row);
    });
    $('no-suggestions').hidden = list.length > 0;
  }

  function insertSuggestion(index) {
    var match = suggestions[index];
    if (!match) { return false; }
    insertIntoReply(fill(match.answer));
    say('Suggested answer ' + (index + 1) + ' inserted into the reply.');
    return true;
  }

  // Alt+1, 2 or 3 inserts that suggestion, wherever the focus is (the reply box included).
  document.addEventListener('keydown', function (event) {
    var digit = /^Digit([1-3])$/.exec(event.code || '');
    if (!event.altKey || event.ctrlKey || event.metaKey || !digit || $('suggestions').hidden) { return; }
    if (insertSuggestion(Number(digit[1]) - 1)) { event.preventDefault(); }
  });

  // ---- the knowledge base, as supervisors write it ---------------------------------------------------------
  var editingArticle = null;

  function loadKnowledge() {
    return call('GET', '/api/knowledge').then(renderKnowledge).catch(function (error) {
      say('The knowledge base could not be loaded: ' + error.message);
    });
  }

  function renderKnowledge(list) {
    var target = $('knowledge-list');
    target.replaceChildren();
    list.forEach(function (article) {
      var row = el('li');
      var summary = el('div');
      summary.appendChild(el('strong', null, article.question));
      if (article.alternatives.length) {
        summary.appendChild(el('p', 'note', 'Also asked: ' + article.alternatives.join(' · ')));
      }
      summary.appendChild(el('p', null, article.answer));
      summary.appendChild(el('p', 'note', 'Language: ' + article.language + ' · by ' + article.author));
      row.appendChild(summary);
      var actions = el('div', 'actions');
      var edit = el('button', 'secondary', 'Edit');
      edit.type = 'button';
      edit.setAttribute('aria-label', 'Edit ' + article.question);
      edit.addEventListener('click', function () { editArticle(article); });
      var remove = el('button', 'secondary', 'Delete');
      remove.type = 'button';
      remove.setAttribute('aria-label', 'Delete ' + article.question);
      remove.addEventListener('click', function () {
        call('DELETE', '/api/knowledge/' + encodeURIComponent(article.id)).then(function () {
          if (editingArticle === article.id) { stopEditingArticle(); }
          say('Article "' + article.question + '" deleted.');
          loadKnowledge();
        }).catch(function (error) { say('Not deleted: ' + error.message); });
      });
      actions.appendChild(edit);
      actions.appendChild(remove);
      row.appendChild(actions);
      target.appendChild(row);
    });
    if (!list.length) { target.appendChild(el('li', 'empty', 'No articles yet.')); }
  }

  function editArticle(article) {
    editingArticle = article.id;
    $('knowledge-question').value = article.question;
    $('knowledge-alternatives').value = article.alternatives.join('\n');
    $('knowledge-answer').value = article.answer;
    $('knowledge-language').value = article.language;
    $('knowledge-form-heading').textContent = 'Edit article';
    $('knowledge-save').textContent = 'Save article';
    $('knowledge-cancel').hidden = false;
    $('knowledge-question').focus();
  }

  function stopEditingArticle() {
    editingArticle = null;
    $('knowledge-form').reset();
    $('knowledge-form-heading').textContent = 'New article';
    $('knowledge-save').textContent = 'Add article';
    $('knowledge-cancel').hidden = true;
  }

  if ($('knowledge-form')) {
    $('knowledge-cancel').addEventListener('click', stopEditingArticle);
    $('knowledge-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var question = $('knowledge-question').value.trim();
      var article = {
        question: question,
        answer: $('knowledge-answer').value,
        language: $('knowledge-language').value.trim() || null,
        alternatives: $('knowledge-alternatives').value.split('\n')
          .map(function (line) { return line.trim(); })
          .filter(function (line) { return line; })
      };
      var editing = editingArticle;
      var saved = editing
        ? call('PUT', '/api/knowledge/' + encodeURIComponent(editing), article)
        : call('POST', '/api/knowledge', article);
      saved.then(function () {
        stopEditingArticle();
        say('Article "' + question + '" ' + (editing ? 'saved.' : 'added.'));
        loadKnowledge();
      }).catch(function (error) { say('Not saved: ' + error.message); });
    });
  }

  // Keyboard: "n" opens the next request in the list, "r" goes to the reply box (not while typing).
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)
      || target.isContentEditable) {
      return;
    }
    if (event.key === 'n') {
      var links = Array.prototype.slice.call(document.querySelectorAll('#requests a[data-id]'));
      if (!links.length) { return; }
      var current = links.findIndex(function (link) { return link.dataset.id === openId; });
      event.preventDefault();
      open(links[(current + 1) % links.length].dataset.id, true);
    } else if (event.key === 'r' && !$('reply-form').hidden && !$('request-body').hidden) {
      event.preventDefault();
      $('reply').focus();
    }
  });

  // ---- supervising one request: requeue it, or give it to another agent -------------------------------------
  var lastAgents = [];

  function renderSupervise(request) {
    var box = $('supervise');
    if (!box) { return; }
    var open = request.status === 'QUEUED' || request.status === 'ASSIGNED';
    box.hidden = !open;
    $('requeue').hidden = request.status !== 'ASSIGNED';
    var select = $('reassign-to');
    var chosen = select.value;
    select.replaceChildren();
    lastAgents.filter(function (agent) {
      return !agent.disabled && agent.presence !== 'OFFLINE' && agent.username !== request.assignedTo;
    }).forEach(function (agent) {
      var option = el('option', null, (agent.displayName || agent.username) + ' (' + agent.username + ', '
        + words(PRESENCE_WORDS, agent.presence) + ', ' + agent.openRequests + ' of ' + agent.capacity + ')');
      option.value = agent.username;
      select.appendChild(option);
    });
    if (!select.children.length) {
      var none = el('option', null, 'No agent is available or away');
      none.value = '';
      select.appendChild(none);
    }
    select.value = chosen;
    if (select.selectedIndex < 0) { select.selectedIndex = 0; }
  }

  function requeue(id, reference) {
    return call('POST', '/api/requests/' + encodeURIComponent(id) + '/requeue').then(function (request) {
      say('Request ' + (reference || request.reference) + ' is back in the queue.');
      if (request.id === openId) { renderRequest(request); }
      loadAgents();
    }).catch(function (error) {
      say('Not requeued: ' + error.message);
    });
  }

  if ($('supervise')) {
    $('requeue').addEventListener('click', function () {
      if (openId) { requeue(openId); }
    });
    $('reassign').addEventListener('click', function () {
      var agent = $('reassign-to').value;
      if (!openId || !agent) {
        say('Choose an agent to give the request to.');
        $('reassign-to').focus();
        return;
      }
      call('POST', '/api/requests/' + encodeURIComponent(openId) + '/reassign', { agent: agent }).then(function (request) {
        say('Request ' + request.reference + ' reassigned to ' + agent + '.');
        renderRequest(request);
        loadAgents();
      }).catch(function (error) {
        say('Not reassigned: ' + error.message);
      });
    });
  }

  // ---- search (supervisors): words, customer, channel, status and dates, a page at a time --------------------
  var SEARCH_PAGE = 20;
  var searchPage = 0;
  var searchQuery = null;

  function searchParameters(page) {
    var parameters = new URLSearchParams();
    ['words:q', 'customer:customer', 'channel:channel', 'status:status', 'from:from', 'to:to'].forEach(function (pair) {
      var parts = pair.split(':');
      var value = $('search-' + parts[0]).value.trim();
      if (value) { parameters.set(parts[1], value); }
    });
    parameters.set('page', String(page));
    parameters.set('size', String(SEARCH_PAGE));
    return parameters;
  }

  function search(page) {
    var parameters = searchQuery ? new URLSearchParams(searchQuery) : searchParameters(page);
    parameters.set('page', String(page));
    var options = { headers: { Accept: 'application/json' }, credentials: 'same-origin' };
    return fetch('/api/requests?' + parameters.toString(), options).then(function (response) {
      if (response.status === 401) {
        window.location.assign('/login');
        throw new Error('Your session has ended.');
      }
      return response.json().then(function (data) {
        if (!response.ok) { throw new Error(data && data.error ? data.error : 'The platform answered ' + response.status); }
        searchPage = page;
        renderResults(data, Number(response.headers.get('X-Total-Count')) || 0);
      });
    }).catch(function (error) {
      say('The search did not work: ' + error.message);
    });
  }

  function renderResults(requests, total) {
    var list = $('search-results');
    list.replaceChildren();
    requests.forEach(function (request) {
      var item = el('li');
      var link = el('a', null, request.reference);
      link.href = '/inbox?request=' + encodeURIComponent(request.id);
      link.dataset.id = request.id;
      item.appendChild(link);
      item.appendChild(document.createTextNode(' · ' + request.channel + ' · ' + words(STATUS_WORDS, request.status)
        + (request.assignedTo ? ' · ' + request.assignedTo : '') + ' · '));
      item.appendChild(timeElement(request.createdAt));
      item.appendChild(el('span', 'snippet', request.text || (request.audioUrl ? 'Recording' : '')));
      list.appendChild(item);
    });
    var first = searchPage * SEARCH_PAGE;
    $('search-total').textContent = total === 0 ? 'No request matches.'
      : 'Requests ' + (first + 1) + ' to ' + (first + requests.length) + ' of ' + total + '.';
    $('search-previous').disabled = searchPage === 0;
    $('search-next').disabled = first + requests.length >= total;
  }

  if ($('search-form')) {
    $('search-form').addEventListener('submit', function (event) {
      event.preventDefault();
      searchQuery = searchParameters(0).toString();
      search(0);
    });
    $('search-previous').addEventListener('click', function () { search(Math.max(0, searchPage - 1)); });
    $('search-next').addEventListener('click', function () { search(searchPage + 1); });
    $('search-results').addEventListener('click', function (event) {
      var link = event.target.closest('a[data-id]');
      if (!link || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
      event.preventDefault();
      open(link.dataset.id, true);
    });
  }

  // ---- the supervisor's queue ------------------------------------------------------------------------------
  var chart = null;
  var STATUS_ORDER = ['RECEIVED', 'TRANSCRIBING', 'QUEUED', 'ASSIGNED', 'ANSWERED', 'DELIVERED', 'DELIVERY_FAILED',
    'CANCELLED'];

  function renderQueue(figures) {
    var counts = figures.counts || {};
    var statuses = STATUS_ORDER.filter(function (s) { return s in counts; })
      .concat(Object.keys(counts).filter(function (s) { return STATUS_ORDER.indexOf(s) < 0; }));
    var list = $('queue-counts');
    list.replaceChildren();
    statuses.forEach(function (status) {
      var item = el('li');
      item.dataset.status = status;
      item.textContent = words(STATUS_WORDS, status) + ' ' + counts[status];
      list.appendChild(item);
    });
    var waiting = (counts.QUEUED || 0) > 0 || figures.oldestWaitSeconds > 0;
    $('oldest-wait').textContent = waiting ? duration(figures.oldestWaitSeconds || 0) : 'none';
    var agents = $('queue-agents');
    agents.replaceChildren();
    Object.keys(figures.agents || {}).forEach(function (presence) {
      var item = el('li', null, words(PRESENCE_WORDS, presence) + ' ' + figures.agents[presence]);
      item.dataset.presence = presence;
      agents.appendChild(item);
    });
    drawChart(statuses, statuses.map(function (s) { return counts[s]; }));
    renderWaits(figures);
    renderChannels(figures.countsByChannel || {});
    renderHolders(figures.holders || []);
  }

  function renderWaits(figures) {
    $('answered-last-hour').textContent = String(figures.answeredLastHour || 0);
    var none = figures.averageWaitSeconds === null || figures.averageWaitSeconds === undefined;
    $('average-wait').textContent = none ? 'none' : duration(figures.averageWaitSeconds);
    $('p90-wait').textContent = none ? 'none' : duration(figures.p90WaitSeconds);
    $('wait-window').textContent = figures.waitWindowSeconds
      ? 'Waits from queued to assigned, over the last ' + duration(figures.waitWindowSeconds) + ' ('
        + (figures.waitsCounted || 0) + (figures.waitsCounted === 1 ? ' request).' : ' requests).')
      : '';
    var hours = figures.answeredPerHour || [];
    drawAnswered(hours.map(function (h) {
      return new Date(h.hour).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    }), hours.map(function (h) { return h.count; }));
  }

  // Per channel, only the statuses it has requests in: "sms: Queued 2, Assigned 1".
  function renderChannels(byChannel) {
    var list = $('queue-channels');
    list.replaceChildren();
    Object.keys(byChannel).forEach(function (channel) {
      var counts = byChannel[channel];
      var parts = STATUS_ORDER.filter(function (s) { return counts[s]; }).map(function (s) {
        return words(STATUS_WORDS, s) + ' ' + counts[s];
      });
      var item = el('li', null, channel + ': ' + parts.join(', '));
      item.dataset.channel = channel;
      list.appendChild(item);
    });
    if (!list.children.length) { list.appendChild(el('li', 'empty', 'No requests yet.')); }
  }

  function renderHolders(holders) {
    var list = $('queue-holders');
    list.replaceChildren();
    holders.forEach(function (holder) {
      var item = el('li', null, (holder.displayName || holder.username) + ' (' + words(PRESENCE_WORDS, holder.presence)
        + ', ' + holder.holds.length + ' of ' + holder.capacity + ')' + (holder.holds.length ? ': ' + holder.holds.join(', ') : ''));
      item.dataset.username = holder.username;
      list.appendChild(item);
    });
    if (!list.children.length) { list.appendChild(el('li', 'empty', 'Nobody is on duty.')); }
  }

  var answeredChart = null;

  function drawAnswered(labels, values) {
    $('answered-chart').dataset.values = values.join(',');
    if (!window.Chart) { return; }
    if (!answeredChart) {
      answeredChart = new window.Chart($('answered-chart'), {
        type: 'line',
        data: { labels: labels, datasets: [{ label: 'Answered', data: values, borderColor: '#166534', backgroundColor: '#166534' }] },
        options: {
          animation: false, responsive: true, maintainAspectRatio: false,
          plugins: { legend: { display: false } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
        }
      });
    } else {
      answeredChart.data.labels = labels;
      answeredChart.data.datasets[0].data = values;
      answeredChart.update();
    }
  }

  function drawChart(statuses, values) {
    if (!window.Chart) { return; }
    var labels = statuses.map(function (s) { return words(STATUS_WORDS, s); });
    if (!chart) {
      chart = new window.Chart($('queue-chart'), {
        type: 'bar',
        data: { labels: labels, datasets: [{ label: 'Requests', data: values, backgroundColor: '#1d4ed8' }] },
        options: {
          animation: false, responsive: true, maintainAspectRatio: false,
          plugins: { legend: { display: false } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
        }
      });
    } else {
      chart.data.labels = labels;
      chart.data.datasets[0].data = values;
      chart.update();
    }
    $('queue-chart').dataset.values = values.join(',');
  }

  function loadQueue() {
    return call('GET', '/api/queue').then(renderQueue).catch(function (error) {
      say('The queue figures could not be loaded: ' + error.message);
    });
  }

  // ---- agents (supervisors see who is there and who holds what; admins add accounts) ---------------------------
  // The table is drawn again on every live change: a keyboard user's focus stays on the same button.
  function renderAgents(list) {
    var rows = $('agents-rows');
    var focused = rows.contains(document.activeElement) ? document.activeElement.getAttribute('aria-label') : null;
    drawAgents(rows, list);
    if (focused) {
      var again = rows.querySelector('button[aria-label="' + CSS.escape(focused) + '"]');
      if (again) { again.focus(); }
    }
  }

  function drawAgents(rows, list) {
    rows.replaceChildren();
    list.forEach(function (agent) {
      var row = el('tr');
      var name = el('td');
      name.appendChild(el('strong', null, agent.displayName || agent.username));
      name.appendChild(document.createTextNode(' (' + agent.username + ')'));
      row.appendChild(name);
      row.appendChild(el('td', null, agent.roles.join(', ')));
      row.appendChild(el('td', null, words(PRESENCE_WORDS, agent.presence)));
      row.appendChild(holdsCell(agent));
      if (agent.disabled) {
        row.classList.add('disabled');
        name.appendChild(el('span', 'tag', ' disabled'));
      }
      if ($('agent-edit')) {
        var edit = el('button', 'secondary', 'Edit');
        edit.type = 'button';
        edit.setAttribute('aria-label', 'Edit ' + agent.username);
        edit.addEventListener('click', function () { startEditing(agent.username); });
        var cell = el('td');
        cell.appendChild(edit);
        row.appendChild(cell);
      }
      row.dataset.username = agent.username;
      rows.appendChild(row);
    });
  }

  // "1 of 2" and each held request: a link that opens it and a button that puts it back in the queue.
  function holdsCell(agent) {
    var cell = el('td', null, agent.openRequests + ' of ' + agent.capacity);
    (agent.holds || []).forEach(function (held) {
      var line = el('span', 'held');
      var link = el('a', null, held.reference);
      link.href = '/inbox?request=' + encodeURIComponent(held.id);
      link.dataset.id = held.id;
      line.appendChild(link);
      var button = el('button', 'secondary', 'Requeue');
      button.type = 'button';
      button.setAttribute('aria-label', 'Requeue ' + held.reference);
      button.addEventListener('click', function () { requeue(held.id, held.reference); });
      line.appendChild(button);
      cell.appendChild(line);
    });
    return cell;
  }

  function loadAgents() {
    if (!$('agents-rows')) { return Promise.resolve(); }
    return call('GET', '/api/agents').then(function (list) {
      lastAgents = list;
      renderAgents(list);
      if (openRequest) { renderSupervise(openRequest); }
    }).catch(function (error) {
      say('The agents could not be loaded: ' + error.message);
    });
  }

  if ($('agents-rows')) {
    $('agents-rows').addEventListener('click', function (event) {
      var link = event.target.closest('a[data-id]');
      if (!link || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
      event.preventDefault();
      open(link.dataset.id, true);
    });
  }

  if ($('agent-form')) {
    $('agent-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var account = {
        username: $('agent-username').value.trim(),
        password: $('agent-password').value,
        displayName: $('agent-name').value.trim() || undefined,
        roles: [$('agent-role').value],
        capacity: Number($('agent-capacity').value) || 1
      };
      if ($('agent-phone').value.trim()) { account.phone = $('agent-phone').value.trim(); }
      call('POST', '/api/admin/agents', account).then(function (created) {
        $('agent-form').reset();
        say('Agent ' + created.username + ' created.');
        loadAgents();
      }).catch(function (error) { say('The agent was not created: ' + error.message); });
    });
  }

  // ---- live chat (the web chat channel): the reply box writes in the chat, "End chat" ends it -----------------
  var liveChat = (function () {
    var active = null; // the open request while it is a live chat
    var lastTyping = 0;
    var typingTimer = null;

    function load() {
      var request = openRequest;
      if (!request || request.channel !== 'webchat' || request.status !== 'ASSIGNED' || request.assignedTo !== me) {
        active = null;
        $('live-chat').hidden = true;
        return;
      }
      call('GET', '/api/chat/requests/' + encodeURIComponent(request.id)).then(function (chat) {
        if (!openRequest || openRequest.id !== request.id) { return; }
        active = chat.live ? request.id : null;
        $('live-chat').hidden = !chat.live;
        var log = $('live-chat-log');
        log.replaceChildren();
        chat.messages.forEach(function (message) {
          var item = el('li', message.kind === 'customer' ? 'in' : 'out');
          item.appendChild(el('p', 'meta', message.kind === 'customer' ? 'Customer'
            : message.kind === 'agent' ? (message.by || 'Agent') : 'Chat'));
          item.appendChild(el('p', 'text', message.text || ''));
          log.appendChild(item);
        });
      }).catch(function () { active = null; $('live-chat').hidden = true; });
    }

    /** A chat's own signal: handled here (true), so the list and the request are not reloaded for it. */
    function heard(event) {
      if (event.type !== 'CHANNEL_SIGNAL') { return false; }
      if (event.requestId === active) {
        if (event.detail === 'webchat:customer-typing') {
          $('live-chat-typing').hidden = false;
          clearTimeout(typingTimer);
          typingTimer = setTimeout(function () { $('live-chat-typing').hidden = true; }, 4000);
        } else {
          load();
        }
      }
      return true;
    }

    // Registered in the capture phase, so it runs before the reply's own handler and stops it.
    $('reply-form').addEventListener('submit', function (event) {
      if (!active) { return; }
      event.preventDefault();
      event.stopImmediatePropagation();
      var text = $('reply').value.trim();
      if (!text) { $('reply').focus(); return; }
      call('POST', '/api/chat/requests/' + encodeURIComponent(active) + '/messages', { text: text }).then(function () {
        $('reply').value = '';
        $('live-chat-typing').hidden = true;
        load();
      }).catch(function (error) { say('Your chat message was not sent: ' + error.message); });
    }, true);

    $('reply').addEventListener('input', function () {
      if (!active || Date.now() - lastTyping < 3000) { return; }
      lastTyping = Date.now();
      call('POST', '/api/chat/requests/' + encodeURIComponent(active) + '/typing').catch(function () {});
    });

    $('end-chat').addEventListener('click', function () {
      if (!active) { return; }
      call('POST', '/api/chat/requests/' + encodeURIComponent(active) + '/end').then(function () {
        say('Chat ended.');
        active = null;
        loadOpen(false);
        loadList();
      }).catch(function (error) { say('The chat was not ended: ' + error.message); });
    });

    return { load: load, heard: heard };
  }());

  // ---- admins: edit, disable or enable an account, reset its password -----------------------------------------
  var editing = null;

  function startEditing(username) {
    var agent = lastAgents.filter(function (a) { return a.username === username; })[0];
    if (!agent) { return; }
    editing = username;
    $('agent-edit').hidden = false;
    $('edit-username').textContent = username;
    $('edit-name').value = agent.displayName || '';
    $('edit-skills').value = (agent.skills || []).join(', ');
    $('edit-languages').value = (agent.languages || []).join(', ');
    $('edit-capacity').value = agent.capacity;
    $('edit-phone').value = agent.phone || '';
    ['agent', 'supervisor', 'admin'].forEach(function (role) {
      $('edit-' + role).checked = agent.roles.indexOf(role) >= 0;
    });
    $('toggle-disabled').textContent = agent.disabled ? 'Enable account' : 'Disable account';
    $('generated-password').hidden = true;
    $('generated-password').textContent = '';
    $('edit-password').value = '';
    $('edit-name').focus();
  }

  function stopEditing() {
    var username = editing;
    editing = null;
    $('agent-edit').hidden = true;
    var back = username && document.querySelector('#agents-rows tr[data-username="' + CSS.escape(username) + '"] button[aria-label^="Edit"]');
    if (back) { back.focus(); }
  }

  function adminPath(suffix) {
    return '/api/admin/agents/' + encodeURIComponent(editing) + (suffix || '');
  }

  if ($('agent-edit')) {
    $('edit-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var changes = {
        displayName: $('edit-name').value.trim(),
        skills: $('edit-skills').value.split(',').map(function (s) { return s.trim(); }).filter(Boolean),
        languages: $('edit-languages').value.split(',').map(function (s) { return s.trim(); }).filter(Boolean),
        capacity: Number($('edit-capacity').value) || 1,
        phone: $('edit-phone').value.trim(),
        roles: ['agent', 'supervisor', 'admin'].filter(function (role) { return $('edit-' + role).checked; })
      };
      call('PATCH', adminPath(), changes).then(function (agent) {
        say('Agent ' + agent.username + ' saved.');
        loadAgents();
      }).catch(function (error) { say('Not saved: ' + error.message); });
    });
    $('toggle-disabled').addEventListener('click', function () {
      var agent = lastAgents.filter(function (a) { return a.username === editing; })[0];
      var disable = !(agent && agent.disabled);
      call('POST', adminPath(disable ? '/disable' : '/enable')).then(function (changed) {
        say('Agent ' + changed.username + (disable ? ' disabled: logged out, their open requests requeued.' : ' enabled.'));
        $('toggle-disabled').textContent = disable ? 'Enable account' : 'Disable account';
        return loadAgents();
      }).catch(function (error) { say('Not changed: ' + error.message); });
    });
    $('reset-password').addEventListener('click', function () {
      var chosen = $('edit-password').value;
      call('POST', adminPath('/password'), chosen ? { password: chosen } : {}).then(function (reset) {
        $('edit-password').value = '';
        if (reset.generatedPassword) {
          $('generated-password').textContent = 'New password for ' + reset.username + ' (shown only now): '
            + reset.generatedPassword;
          $('generated-password').hidden = false;
        }
        say('Password of ' + reset.username + ' reset.');
      }).catch(function (error) { say('Password not reset: ' + error.message); });
    });
    $('edit-close').addEventListener('click', stopEditing);
  }

  // ---- channels (supervisors and admins): each installed channel, configured or not, healthy or not, and why --
  function loadChannels() {
    call('GET', '/api/channels').then(function (channels) {
      $('channels-error').hidden = true;
      var list = $('channels-list');
      list.replaceChildren();
      channels.forEach(function (channel) {
        var item = el('li', channel.configured && channel.healthy ? 'channel-ok' : 'channel-trouble');
        item.dataset.channel = channel.id;
        var name = el('p', 'line');
        var icon = el('span', 'channel-icon', channel.icon || '');
        icon.setAttribute('aria-hidden', 'true');
        name.appendChild(icon);
        name.appendChild(el('strong', null, channel.name));
        name.appendChild(el('span', 'tag-state', channel.configured ? 'Configured' : 'Not configured'));
        name.appendChild(el('span', 'tag-state', channel.healthy ? 'Healthy' : 'Unhealthy'));
        item.appendChild(name);
        if (channel.lastError) { item.appendChild(el('p', 'reason', channel.lastError)); }
        list.appendChild(item);
      });
      if (!channels.length) { list.appendChild(el('li', 'empty', 'No channel is installed.')); }
    }).catch(function (error) {
      $('channels-error').textContent = 'The channels could not be read: ' + error.message;
      $('channels-error').hidden = false;
    });
  }

  if ($('channels')) {
    $('refresh-channels').addEventListener('click', loadChannels);
  }

  // ---- live events -----------------------------------------------------------------------------------------
  var refreshList = debounce(loadList, 150);
  var refreshOpen = debounce(function () { loadOpen(false); }, 150);
  var refreshQueue = debounce(loadQueue, 300);
  var refreshAgents = debounce(loadAgents, 300);
  var queueEventsSeen = false;

  function reloadViews() {
    loadList();
    loadOpen(false);
    if (supervisor) { loadQueue(); loadAgents(); }
  }

  function follow() {
    var source = new EventSource('/api/events');
    // Whatever changed before the stream was registered (the page's first load, a reconnect with no event id to
    // resume from) reaches no stream: each time it opens, the views are read again, and events follow from there.
    source.onopen = reloadViews;
    source.onmessage = function (message) {
      var event = JSON.parse(message.data);
      if (liveChat.heard(event)) { return; }
      if (event.type === 'RESYNC') {
        reloadViews();
        return;
      }
      if (event.requestId) {
        refreshList();
        if (event.requestId === openId) { refreshOpen(); }
      }
      // Until the server sends queue figures of its own, a supervisor's figures are fetched after each change.
      if (supervisor && !queueEventsSeen) { refreshQueue(); }
      if (supervisor) { refreshAgents(); }
    };
    source.addEventListener('queue', function (message) {
      queueEventsSeen = true;
      if (supervisor) { renderQueue(JSON.parse(message.data)); }
    });
    source.onerror = function () {
      // EventSource reconnects by itself (resuming with Last-Event-ID); a refused stream means the session ended.
      if (source.readyState === EventSource.CLOSED) {
        call('GET', '/api/me').then(function () {
          setTimeout(follow, 3000);
        }).catch(function () { /* call() went to the login page */ });
      }
    };
  }

  // ---- start -----------------------------------------------------------------------------------------------
  window.addEventListener('popstate', function () {
    var id = new URLSearchParams(window.location.search).get('request');
    if (id) { open(id, false); }
  });

  // Waiting times grow while the page is open.
  setInterval(function () {
    showWaiting();
    document.querySelectorAll('#requests a[data-id]').forEach(function (link) {
      // The list is drawn again on every change; between changes only the waiting time moves.
      var waiting = link.querySelector('.waiting');
      var request = lastList.filter(function (r) { return r.id === link.dataset.id; })[0];
      if (waiting && request) { waiting.textContent = 'waiting ' + since(request.createdAt); }
    });
  }, 15000);

  loadList();
  loadCanned();
  if (supervisor) { loadQueue(); loadAgents(); loadChannels(); loadKnowledge(); }
  var requested = new URLSearchParams(window.location.search).get('request');
  if (requested) { open(requested, false); }
  follow();
  body.dataset.ready = 'true';
}());
