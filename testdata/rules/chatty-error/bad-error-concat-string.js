// 'Error: ' + err is sent as text with a 500.
const express = require('express');
const { execFile } = require('child_process');

const app = express();

app.post('/admin/backup', (req, res) => {
  execFile('/usr/local/bin/backup.sh', ['--target', 's3://backups'], (err, stdout) => {
    if (err) {
      return res.status(500).send('Error: ' + err); // expect: chatty-error
    }
    res.json({ done: true, log: stdout.split('\n').length });
  });
});

app.listen(3000);
