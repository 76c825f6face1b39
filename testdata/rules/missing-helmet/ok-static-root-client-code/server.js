const path = require('path');
const express = require('express');
const helmet = require('helmet');

// Serves the SDK documentation: static HTML plus the example sources, which
// the pages fetch and show with syntax highlighting.
const app = express();

app.use(helmet());
app.use(express.static(path.join(__dirname, 'public')));

app.get('/healthz', (req, res) => res.send('ok'));

app.listen(process.env.PORT || 8080);
