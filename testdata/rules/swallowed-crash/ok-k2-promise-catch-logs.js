// Exchange rates are refreshed by a fetch-then-save chain whose `.catch` logs the error with logger.warn.
const express = require('express');
const axios = require('axios');
const pino = require('pino');
const Redis = require('ioredis');

const logger = pino();
const redis = new Redis(process.env.REDIS_URL);
const app = express();
let rates = {};

function fetchRates() {
  return axios.get('https://api.example.com/v1/rates?base=EUR').then((response) => response.data.rates);
}

function saveRates(next) {
  rates = next;
  return redis.set('rates:EUR', JSON.stringify(next));
}

app.get('/rates', (req, res) => res.json(rates));

setInterval(() => {
  fetchRates().then((r) => saveRates(r)).catch((err) => logger.warn(err));
}, 60 * 60 * 1000);

app.listen(3000);
