// An ESM Express app renders its error view with err.message in the locals and a 500.
import express from 'express';
import { readFile } from 'node:fs/promises';

const app = express();
app.set('view engine', 'ejs');

app.get('/changelog', async (req, res) => {
  try {
    const text = await readFile(new URL('./CHANGELOG.md', import.meta.url), 'utf8');
    res.render('changelog', { text });
  } catch (err) {
    res.status(500).render('error', { title: 'Something went wrong', message: err.message }); // expect: chatty-error
  }
});

app.listen(3000);
