const express = require('express');
const sqlite3 = require('sqlite3').verbose();

const db = new sqlite3.Database('library.db');
const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/loans', (req, res) => {
  const form = req.body;
  const member = form.member;
  const who = member;
  const where = "member = '" + who + "'";
  db.get('SELECT COUNT(*) AS n FROM loans WHERE ' + where, (err, row) => { // expect: sql-injection
    res.json(row);
  });
});

app.listen(3000);
