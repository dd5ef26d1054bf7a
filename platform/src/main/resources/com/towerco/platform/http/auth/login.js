// Login: posts the credentials; the server answers with an HttpOnly session cookie, then the
// browser goes back to the page first asked for (only a path on this server, never elsewhere).
(function () {
  'use strict';
  const form = document.getElementById('login');
  const error = document.getElementById('error');

  function next() {
    const wanted = new URLSearchParams(location.search).get('next') || '/';
    return /^\/(?![\/\\])/.test(wanted) ? wanted : '/';
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    const button = document.getElementById('submit');
    button.disabled = true;
    try {
      const res = await fetch('/api/v1/auth/login', {
        method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({
          username: document.getElementById('username').value.trim(),
          password: document.getElementById('password').value
        })
      });
      if (res.ok) { location.replace(next() + location.hash); return; }
      const body = await res.json().catch(() => ({}));
      error.textContent = body.error || ('Login failed (HTTP ' + res.status + ')');
    } catch (err) {
      error.textContent = 'Cannot reach the server: ' + err.message;
    } finally {
      button.disabled = false;
    }
  });
})();
