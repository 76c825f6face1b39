// The program object's own error handler (defined elsewhere on the
// prototype chain) ends the process; nodeward cannot see into it, and its
// name says what it does.
function Program() {
  const self = this;
  this.init = function () {
    process.addListener('uncaughtException', function (err) {
      self.handleErr(err);
    });
  };
}

module.exports = Program;
