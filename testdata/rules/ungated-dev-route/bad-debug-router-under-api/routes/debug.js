const express = require('express');

const router = express.Router();

// Shows what the session store holds for the caller.
router.get('/debug/session', (req, res) => { // expect: ungated-dev-route
  res.json({ id: req.sessionID, data: req.session });
});

// Echoes the request headers as the app sees them behind the proxy.
router.get('/debug/headers', (req, res) => { // expect: ungated-dev-route
  res.json({ headers: req.headers, ip: req.ip, ips: req.ips });
});

module.exports = router;
