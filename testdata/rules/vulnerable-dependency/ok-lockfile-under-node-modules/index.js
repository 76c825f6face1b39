// A lockfile inside node_modules belongs to an installed package, not to this project.
module.exports = {};
