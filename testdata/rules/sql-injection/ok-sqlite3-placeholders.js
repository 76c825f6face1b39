const express = require('express');
const sqlite3 = require('sqlite3').verbose();

const db = new sqlite3.Database('library.db');
const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/loans', (req, res) => {
  const { member, book } = req.body;
  db.run('INSERT INTO loans (member, book) VALUES (?, ?)', [member, book], (err) => {
    if (err) return res.sendStatus(500);
    db.get('SELECT COUNT(*) AS n FROM loans WHERE member = $member', { $member: member }, (e, row) => res.json(row));
  });
});

app.get('/loans/:id', (req, res) => {
  db.all('SELECT * FROM loans WHERE id = ?', req.params.id, (err, rows) => res.json(rows));
});

app.listen(3000);
