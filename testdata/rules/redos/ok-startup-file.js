'use strict';

const fs = require('fs');
const path = require('path');
const express = require('express');

// Read once at startup from files shipped with the app.
const motd = fs.readFileSync(path.join(__dirname, 'motd.txt'), 'utf8').replace(/\s+$/, '');
const terms = fs
  .readFileSync(path.join(__dirname, 'terms.md'), 'utf8')
  .replace(/[ \t]*$/gm, '');

const app = express();

app.get('/motd', (req, res) => res.type('text').send(motd));
app.get('/terms', (req, res) => res.type('text/markdown').send(terms));

app.listen(3000);
