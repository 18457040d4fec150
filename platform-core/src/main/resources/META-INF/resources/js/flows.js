// The inbox's flow panel (supervisors and admins): each flow with its state and figures, activation for admins,
// and a simulator that runs a flow on a chosen channel against typed inputs and shows every step's output.
// What flows say is put into the page with textContent, never as HTML.
(function () {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };
  if (!$('flows')) { return; }
  var csrf = document.querySelector('meta[name="csrf-token"]').content;
  var admin = $('flows').dataset.admin === 'true';
  var OUTCOME_WORDS = { 'handoff': 'Handed off', 'self-served': 'Self-served', 'ended': 'Ended', 'waiting': 'Waiting',
    'abandoned': 'Abandoned' };

  function call(method, url, json) {
    var options = { method: method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
    if (method !== 'GET') { options.headers['X-CSRF-Token'] = csrf; }
    if (json !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(json);
    }
    return fetch(url, options).then(function (response) {
      return response.text().then(function (text) {
        var data = text ? JSON.parse(text) : null;
        if (!response.ok) { throw new Error(data && data.error ? data.error : 'The platform answered ' + response.status); }
        return data;
      });
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function figuresLine(figures) {
    var o = figures.outcomes;
    var line = 'Self-served ' + o['self-served'] + ', handed off ' + o.handoff + ', abandoned ' + o.abandoned
      + ', waiting ' + o.waiting;
    var stops = Object.keys(figures.abandonedAt);
    if (stops.length) {
      line += '; abandoned at ' + stops.map(function (step) { return step + ' (' + figures.abandonedAt[step] + ')'; })
        .join(', ');
    }
    return line;
  }

  function showError(error) {
    $('flows-error').textContent = error.message;
    $('flows-error').hidden = false;
  }

  function loadFlows() {
    call('GET', '/api/flows').then(function (flows) {
      $('flows-error').hidden = true;
      var list = $('flows-list');
      var select = $('simulate-flow');
      var chosen = select.value;
      list.replaceChildren();
      select.replaceChildren();
      flows.forEach(function (flow) {
        var item = el('li');
        item.dataset.flow = flow.id;
        var line = el('p', 'line');
        line.appendChild(el('strong', null, flow.name));
        line.appendChild(el('span', null, flow.id + ' v' + flow.version));
        line.appendChild(el('span', 'tag-state', flow.active ? 'Active' : 'Inactive'));
        if (admin) {
          var edit = el('button', 'secondary', 'Edit ' + flow.name);
          edit.type = 'button';
          edit.addEventListener('click', function () {
            fetch('/api/flows/' + encodeURIComponent(flow.id), { headers: { Accept: 'application/yaml' },
              credentials: 'same-origin' }).then(function (response) { return response.text(); }).then(function (yaml) {
              $('upload-id').value = flow.id;
              $('upload-yaml').value = yaml;
              $('upload-yaml').focus();
            }).catch(showError);
          });
          line.appendChild(edit);
          var toggle = el('button', 'secondary', (flow.active ? 'Deactivate ' : 'Activate ') + flow.name);
          toggle.type = 'button';
          toggle.addEventListener('click', function () {
            call('POST', '/api/flows/' + encodeURIComponent(flow.id) + (flow.active ? '/deactivate' : '/activate'))
              .then(loadFlows).catch(showError);
          });
          line.appendChild(toggle);
        }
        item.appendChild(line);
        var figures = el('p', 'figures-line');
        item.appendChild(figures);
        call('GET', '/api/flows/' + encodeURIComponent(flow.id) + '/figures').then(function (f) {
          figures.textContent = figuresLine(f);
        }).catch(function () { /* figures are a nicety */ });
        list.appendChild(item);
        var option = el('option', null, flow.name);
        option.value = flow.id;
        select.appendChild(option);
      });
      if (chosen) { select.value = chosen; }
      if (!flows.length) { list.appendChild(el('li', 'empty', 'No flow yet.')); }
    }).catch(showError);
  }

  function showSimulation(run) {
    var steps = $('simulation-steps');
    steps.replaceChildren();
    run.steps.forEach(function (step) {
      var item = el('li');
      if (step.input !== null && step.input !== undefined) {
        item.appendChild(el('p', 'customer', 'Customer: ' + step.input));
      }
      item.appendChild(el('p', 'bot', step.output));
      if (step.quickReplies && step.quickReplies.length) {
        item.appendChild(el('p', 'replies', 'Buttons: ' + step.quickReplies.join(' | ')));
      }
      if (step.voice && step.voice.gather) {
        item.appendChild(el('p', 'replies', 'Listens for keys and speech'
          + (step.voice.hints.length ? ' (' + step.voice.hints.join(', ') + ')' : '')));
      }
      steps.appendChild(item);
    });
    $('simulation-outcome').textContent = 'Outcome: ' + (OUTCOME_WORDS[run.outcome] || run.outcome);
    var collected = $('simulation-collected');
    collected.replaceChildren();
    Object.keys(run.collected).sort().forEach(function (name) {
      collected.appendChild(el('dt', null, name));
      collected.appendChild(el('dd', null, run.collected[name]));
    });
    $('simulation').hidden = false;
  }

  $('simulate-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var inputs = $('simulate-inputs').value.split('\n').map(function (line) { return line.trim(); })
      .filter(function (line) { return line.length > 0; });
    call('POST', '/api/flows/' + encodeURIComponent($('simulate-flow').value) + '/simulate',
      { channel: $('simulate-channel').value, inputs: inputs })
      .then(function (run) { $('flows-error').hidden = true; showSimulation(run); })
      .catch(showError);
  });

  if ($('upload-form')) {
    $('upload-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var id = $('upload-id').value.trim();
      fetch('/api/flows/' + encodeURIComponent(id), {
        method: 'PUT', credentials: 'same-origin', body: $('upload-yaml').value,
        headers: { 'Content-Type': 'application/yaml', Accept: 'application/json', 'X-CSRF-Token': csrf }
      }).then(function (response) {
        return response.json().then(function (data) {
          if (!response.ok) { throw new Error(data && data.error ? data.error : 'The platform answered ' + response.status); }
          return data;
        });
      }).then(function (flow) {
        $('flows-error').hidden = true;
        $('upload-result').textContent = 'Stored ' + flow.name + ' as version ' + flow.version
          + (flow.active ? ' (active).' : ' (inactive: simulate it, then activate it).');
        loadFlows();
      }).catch(function (error) {
        $('upload-result').textContent = '';
        showError(error);
      });
    });
  }

  loadFlows();
}());
