// Drives lforms_page.html: renders a FHIR R4 Questionnaire with LHC-Forms and hands back
// what the person filled in as a FHIR R4 QuestionnaireResponse, made by LHC-Forms itself.
// window.btPage.render(questionnaire) -> Promise, resolved once the form is on the page
// window.btPage.response()            -> the QuestionnaireResponse (an object)
'use strict';
(function () {
  const status = document.getElementById('status');
  const formElement = document.getElementById('form');

  function say(text, isError) {
    status.textContent = text;
    status.className = isError ? 'error' : '';
  }

  const btPage = {
    ready: false,
    error: null,
    render(questionnaire) {
      btPage.ready = false;
      btPage.error = null;
      if (typeof LForms === 'undefined' || !LForms.Util || !LForms.FHIR) {
        btPage.error = 'LHC-Forms did not load: run npm ci at the top of the repository';
        say(btPage.error, true);
        return Promise.reject(new Error(btPage.error));
      }
      say('Rendering…');
      return LForms.Util.addFormToPage(questionnaire, formElement, { fhirVersion: 'R4' })
        .then(() => {
          btPage.ready = true;
          say(`LHC-Forms ${LForms.lformsVersion}: ${questionnaire.title || questionnaire.id || 'Questionnaire'}`);
        }, (e) => {
          btPage.error = String(e && e.message || e);
          say('LHC-Forms could not render the Questionnaire: ' + btPage.error, true);
          throw e;
        });
    },
    response() {
      return LForms.Util.getFormFHIRData('QuestionnaireResponse', 'R4', formElement);
    },

    // What a person sees, for a test that clicks and types like one. LHC-Forms gives
    // each shown item an element id "item-LINKID/1" (".../1/1" inside a group); an item
    // whose enableWhen is not met is not in the page at all.
    item(linkId) {
      return [...formElement.querySelectorAll('lhc-item')]
        .find(e => e.id.slice('item-'.length).replace(/(\/\d+)+$/, '') === linkId) || null;
    },
    // The linkIds shown, in page order, each with LHC-Forms' data type (CODING, BL,
    // INT, REAL, SECTION, ...) and the question text as shown.
    shown() {
      return [...formElement.querySelectorAll('lhc-item')].map(e => ({
        linkId: e.id.slice('item-'.length).replace(/(\/\d+)+$/, ''),
        type: ([...e.classList].find(c => c.startsWith('lhc-datatype-')) || '').slice('lhc-datatype-'.length),
        text: (e.querySelector('.question') || {}).textContent || '',
      }));
    },
    // Scrolls an element into the middle of the window and says where to click it, in
    // the window's CSS pixels; null when there is no such element or it has no size.
    where(element) {
      if (!element) return null;
      element.scrollIntoView({ block: 'center', inline: 'nearest' });
      const r = element.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return null;
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    },
    // Where to click to answer: the text box of a number or a drop-down list, or a
    // radio button: "true", "false" or "null" of a yes/no question, or the code of a
    // choice drawn as radio buttons.
    control(linkId, radio) {
      const item = btPage.item(linkId);
      if (!item) return null;
      if (radio !== undefined) {
        return btPage.where([...item.querySelectorAll('label[nz-radio]')]
          .find(l => l.id.endsWith('|' + radio)));
      }
      return btPage.where(item.querySelector('input[type=text], input:not([type])'));
    },
    // Where to click the entry of the open drop-down list that reads `display`.
    listEntry(display) {
      const list = document.getElementById('lhc-tools-searchResults');
      if (!list || getComputedStyle(list).visibility !== 'visible') return null;
      const entry = [...list.querySelectorAll('li')].find(li =>
        li.textContent.replace(/^\s*\d+:\s*/, '').trim() === display);
      if (!entry) return null;
      const r = entry.getBoundingClientRect();  // the list is placed under its box, already in view
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    },
    // What a control shows now: the text in a box, or the label of the checked radio.
    shows(linkId) {
      const item = btPage.item(linkId);
      if (!item) return null;
      const checked = item.querySelector('label.ant-radio-wrapper-checked');
      if (checked) return checked.textContent.trim();
      const box = item.querySelector('input[type=text]');
      return box ? box.value : null;
    },
  };
  window.btPage = btPage;

  // A Questionnaire set by whoever opened the page, or pasted into the page, is shown
  // at once.
  window.addEventListener('load', () => {
    const pasted = document.getElementById('questionnaire').textContent.trim();
    const questionnaire = window.btQuestionnaire || (pasted && JSON.parse(pasted));
    if (questionnaire) {
      btPage.render(questionnaire).catch(() => {});
    } else {
      say('No Questionnaire given: call btPage.render(questionnaire).');
    }
  });
})();
