const { Router } = require('express');
const controller = require('../controllers/people');

const router = Router();
router.get('/search', controller.search);
router.post('/filter', controller.filter);
module.exports = router;
