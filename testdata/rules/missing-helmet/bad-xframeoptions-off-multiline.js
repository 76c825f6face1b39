const express = require('express');
const helmet = require('helmet');

const app = express();

app.use(
  helmet({ // expect: missing-helmet
    // helmet 7 header-named option
    xFrameOptions: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  })
);

app.get('/embed/:id', (req, res) => {
  res.send(`<div id="player" data-id="${encodeURIComponent(req.params.id)}"></div>`);
});

app.listen(3000);
