// Express 5 routes: a rejected async handler goes to the error handler by itself.
const express = require('express');
const Database = require('better-sqlite3');

const db = new Database(process.env.NOTES_DB || 'notes.db');
const router = express.Router();

router.get('/', async (req, res) => {
  const notes = db.prepare('SELECT id, title FROM notes ORDER BY id DESC').all();
  res.json(notes);
});

router.post('/', express.json(), async (req, res) => {
  const info = db.prepare('INSERT INTO notes (title, body) VALUES (?, ?)').run(req.body.title, req.body.body);
  res.status(201).json({ id: info.lastInsertRowid });
});

module.exports = router;
