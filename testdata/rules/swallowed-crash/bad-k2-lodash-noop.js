// Publishing a document writes an audit row, then a timestamp, in a chain ending in `.catch(_.noop)`: lost audit records go unnoticed.
const express = require('express');
const _ = require('lodash');
const { Pool } = require('pg');

const pool = new Pool();
const documents = new Map();
const app = express();

app.post('/documents/:id/publish', (req, res) => {
  const doc = documents.get(req.params.id);
  if (!doc) return res.sendStatus(404);
  doc.published = true;
  pool.query('INSERT INTO audit_log (action, document_id) VALUES ($1, $2)', ['publish', doc.id]).then(() => pool.query('UPDATE documents SET published_at = now() WHERE id = $1', [doc.id])).catch(_.noop); // expect: swallowed-crash
  res.json(doc);
});

app.listen(3000);
