// Loading optional settings at startup: the catch inspects the error and rethrows anything but ENOENT.
const express = require('express');
const fs = require('fs');

const OVERRIDES = process.env.SETTINGS_FILE || '/etc/app/settings.json';
const settings = { pageSize: 20, signupOpen: true };
const app = express();

async function loadSettings() {
  try {
    const raw = await fs.promises.readFile(OVERRIDES, 'utf8');
    Object.assign(settings, JSON.parse(raw));
  } catch (err) {
    if (err.code !== 'ENOENT') throw err;
  }
}

app.get('/settings', (req, res) => res.json(settings));

loadSettings().then(() => app.listen(3000));
