const { Router } = require('express');
const controller = require('../controllers/users');

const router = Router();
router.post('/reset', controller.requestReset);
module.exports = router;
