/* Solves the form's proof-of-work puzzle (ALTCHA, SHA-256) in the background, so software that
   sends thousands of forms pays for each one. People notice nothing; without JavaScript the form
   still works (the server then allows fewer forms per internet address). No third-party service. */
(function () {
  "use strict";
  if (!window.crypto || !window.crypto.subtle || !window.TextEncoder) { return; }
  var encoder = new TextEncoder();

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

  Array.prototype.forEach.call(document.querySelectorAll("form[data-altcha-challenge]"), function (form) {
    var field = form.querySelector("input[name=altcha]");
    var puzzle = {
      algorithm: form.dataset.altchaAlgorithm,
      challenge: form.dataset.altchaChallenge,
      salt: form.dataset.altchaSalt,
      signature: form.dataset.altchaSignature,
      maxnumber: form.dataset.altchaMaxnumber
    };
    var solved = solve(puzzle).then(function (number) {
      if (number === null) { return; }
      field.value = btoa(JSON.stringify({
        algorithm: puzzle.algorithm, challenge: puzzle.challenge, number: number,
        salt: puzzle.salt, signature: puzzle.signature
      }));
    });
    var waited = false;
    form.addEventListener("submit", function (event) {
      if (field.value || waited) { return; }
      event.preventDefault();
      waited = true;
      solved.then(function () { form.requestSubmit ? form.requestSubmit() : form.submit(); });
    });
  });
})();
