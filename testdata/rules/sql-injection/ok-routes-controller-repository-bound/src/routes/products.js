const { Router } = require('express');
const ctrl = require('../controllers/products');

const router = Router();
router.get('/', ctrl.list);
router.get('/:sku', ctrl.show);
router.post('/', ctrl.create);
module.exports = router;
