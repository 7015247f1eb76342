/* Solves the form's proof-of-work puzzle (ALTCHA, SHA-256) in the background, so software that
   sends thousands of forms pays for each one. People notice nothing; without JavaScript the form
   still works (the server then allows fewer forms per internet address). No third-party service.
   A form on a page that may come from a shared cache (data-public-form-key) has no puzzle and no
   CSRF token of its own: both are fetched once the visitor starts on the form. */
(function () {
  "use strict";
  var encoder = window.TextEncoder ? new TextEncoder() : null;
  var canSolve = !!(window.crypto && window.crypto.subtle && encoder);

  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  function solve(puzzle) {
    var max = parseInt(puzzle.maxnumber, 10);
    function batch(start) {
      var tries = [];
      for (var n = start; n < Math.min(start + 500, max + 1); n++) {
        tries.push(crypto.subtle.digest("SHA-256", encoder.encode(puzzle.salt + n)));
      }
      return Promise.all(tries).then(function (hashes) {
        for (var i = 0; i < hashes.length; i++) {
          if (hex(hashes[i]) === puzzle.challenge) { return start + i; }
        }
        return start + 500 > max ? null : batch(start + 500);
      });
    }
    return batch(0);
  }

  function answer(form, puzzle) {
    if (!canSolve) { return Promise.resolve(); }
    var field = form.querySelector("input[name=altcha]");
    return solve(puzzle).then(function (number) {
      if (number === null) { return; }
      field.value = btoa(JSON.stringify({
        algorithm: puzzle.algorithm, challenge: puzzle.challenge, number: number,
        salt: puzzle.salt, signature: puzzle.signature
      }));
    });
  }

  function fetched(form) {
    return fetch(form.dataset.publicFormKey, {credentials: "same-origin", headers: {Accept: "application/json"}})
      .then(function (response) { return response.json(); })
      .then(function (key) {
        form.querySelector("input[name=csrfmiddlewaretoken]").value = key.csrf;
        return answer(form, key.altcha);
      })
      // Without a token the server refuses politely and sends the form back with one.
      .catch(function () {});
  }

  function protect(form, start) {
    var ready = null, done = false, waited = false;
    function begin() {
      if (!ready) { ready = start().then(function () { done = true; }); }
      return ready;
    }
    form.addEventListener("submit", function (event) {
      if (done || waited) { return; }
      event.preventDefault();
      waited = true;
      // In a later task: a form ignores a new submission while its submit event is being handled.
      begin().then(function () {
        setTimeout(function () { form.requestSubmit ? form.requestSubmit() : form.submit(); }, 0);
      });
    });
    return begin;
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-altcha-challenge]"), function (form) {
    var begin = protect(form, function () {
      return answer(form, {
        algorithm: form.dataset.altchaAlgorithm,
        challenge: form.dataset.altchaChallenge,
        salt: form.dataset.altchaSalt,
        signature: form.dataset.altchaSignature,
        maxnumber: form.dataset.altchaMaxnumber
      });
    });
    begin();
  });

  Array.prototype.forEach.call(document.querySelectorAll("form[data-public-form-key]"), function (form) {
    var begin = protect(form, function () { return fetched(form); });
    // Only a visitor who starts on the form asks the server: the page itself stays a cached one.
    form.addEventListener("focusin", begin);
    form.addEventListener("input", begin);
  });
})();
