/* Makes the static quizzes of nk_course.quiz.html answerable without a kernel. Feedback is
   written with textContent into a role="status" region, so screen readers announce it and no
   text from a quiz definition is ever parsed as HTML. */
(function () {
  "use strict";
  function check(form, quiz) {
    var feedback = form.querySelector(".nk-quiz-feedback");
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input"));
    var chosen = inputs.filter(function (i) { return i.checked; });
    feedback.textContent = "";
    if (!chosen.length) {
      feedback.textContent = quiz.dataset.emptyText;
      return;
    }
    var right = inputs.every(function (i) {
      return i.checked === (i.dataset.correct === "true");
    });
    var verdict = document.createElement("p");
    verdict.className = "nk-quiz-verdict " + (right ? "nk-right" : "nk-wrong");
    verdict.textContent = right ? quiz.dataset.correctText : quiz.dataset.incorrectText;
    feedback.appendChild(verdict);
    var shown = chosen.slice();
    if (form.dataset.type === "multiple") {
      inputs.forEach(function (i) {
        if (!i.checked && i.dataset.correct === "true") shown.push(i);
      });
    }
    shown.forEach(function (input) {
      var source = form.querySelector('.nk-quiz-explanations [data-option="' + input.value + '"]');
      var p = document.createElement("p");
      p.className = "nk-quiz-explanation";
      p.textContent = source.textContent;
      feedback.appendChild(p);
    });
  }
  function start() {
    document.querySelectorAll(".nk-quiz").forEach(function (quiz) {
      quiz.querySelectorAll("form.nk-quiz-question").forEach(function (form) {
        form.addEventListener("submit", function (event) {
          event.preventDefault();
          check(form, quiz);
        });
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
