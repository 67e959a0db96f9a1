// Citations a reader can paste (templates/includes/citations.html): the day viewed becomes the reader's
// today (the page may come from a cache), and each citation gets a button that copies its text.
// Loaded as a file: the Content-Security-Policy allows the site's own scripts and nothing inline.
"use strict";

function citationDay(day, language) {
  if (language === "en") {
    return day.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  }
  return day.getDate() + "/" + (day.getMonth() + 1) + "/" + day.getFullYear();
}

function isoDay(day) {
  const pad = (n) => String(n).padStart(2, "0");
  return day.getFullYear() + "-" + pad(day.getMonth() + 1) + "-" + pad(day.getDate());
}

document.addEventListener("DOMContentLoaded", () => {
  const today = new Date();
  for (const time of document.querySelectorAll(".citation time.today")) {
    const language = time.closest("[lang]").getAttribute("lang");
    time.dateTime = isoDay(today);
    time.textContent = citationDay(today, language);
  }
  if (!navigator.clipboard) {
    return; // without a clipboard the buttons stay hidden: the text can still be selected
  }
  for (const button of document.querySelectorAll("button.copy-citation")) {
    const status = button.parentElement.querySelector(".copy-status");
    button.hidden = false;
    button.addEventListener("click", () => {
      const text = document.getElementById(button.dataset.target).textContent.replace(/\s+/g, " ").trim();
      navigator.clipboard.writeText(text).then(
        () => { status.textContent = button.dataset.copied; },
        () => { status.textContent = button.dataset.failed; },
      );
    });
  }
});
