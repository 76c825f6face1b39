// Imports decide the rank: express, lodash (through a subpath) and the
// `semver5` alias of semver are imported; `events` is Node's built-in.
const express = require('express');
const fp = require('lodash/fp');
const semver = require('semver5');
const { EventEmitter } = require('events');
const routes = require('./routes');

const app = express();
app.use(routes);
app.get('/v', (req, res) => res.json({ ok: semver.valid(fp.trim(req.query.v)) }));
module.exports = { app, bus: new EventEmitter() };
