const express = require('../shared/express');
const admin = require('./admin');

// ... the public site does not, and the parent mounts both.
const site = express('site');
site.get('/', (req, res) => res.send('<h1>Blog</h1>'));

const parent = express('parent');
parent.use('/ghost/api/admin', admin);
parent.use(site);

parent.listen(2368);
