// request has no fixed release: the finding says "no fix yet".
const request = require('request');

request('https://example.com', (err, res, body) => console.log(body));
