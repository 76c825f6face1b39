// Express 5 routes: a rejected async handler goes to the error handler by itself.
const express = require('express');
const Database = require('better-sqlite3');
const { AppError } = require('./app-error');

const db = new Database(process.env.NOTES_DB || 'notes.db');
const router = express.Router();

router.get('/:id', async (req, res) => {
  const note = db.prepare('SELECT id, title, body FROM notes WHERE id = ?').get(req.params.id);
  if (!note) throw new AppError(404, 'Note not found');
  res.json(note);
});

module.exports = router;
