const express = require('express');
const helmet = require('helmet');

const pagesRouter = require('./routes/pages');

const app = express(); // expect: missing-helmet

app.use(express.static('public'));
app.use('/', pagesRouter);

// Added at the end of the file while debugging the embedded video player:
// it runs after the pages above have answered, and it has the CSP off.
app.use(helmet({ contentSecurityPolicy: false })); // expect: missing-helmet

app.use((req, res) => {
  res.status(404).send('<h1>Not found</h1>');
});

app.listen(process.env.PORT || 3000);
