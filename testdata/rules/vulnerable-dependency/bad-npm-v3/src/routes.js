const { Router } = require('express');

module.exports = Router();
