"""Place recognition and resolution behind the ``places`` stage.

- :mod:`.cues` loads the context-cue vocabularies (``chronotope/data/places``);
- :mod:`.recognize` scores candidate spans (gazetteer, spaCy, cues) as places or not;
- :mod:`.resolve` chooses among gazetteer candidates by context.
"""
