; The bench's peer: the level decision of rules/back-pain.yaml written for
; CLIPS 6.30 (red flags, the soon and doctor reasons, self-care), over the
; same generated cases (cases_to_clips.py). Prints "id level" per case; an
; unanswered red flag leaves a level with the home routine (doctor, self-care)
; incomplete, as in backtriage.
; Ranks: 0 ambulance, 1 emergency, 2 urgent, 3 soon, 4 doctor, 5 self_care.
(deftemplate case
  (slot id) (slot aortic_signs) (slot spine_injury) (slot injury_severe)
  (slot bladder_bowel) (slot saddle_numbness) (slot both_legs) (slot leg_weakness)
  (slot fever) (slot cancer_history) (slot infection_risk) (slot fragile_bones)
  (slot sudden_spine_pain) (slot weight_loss) (slot night_pain) (slot back_lump)
  (slot chest_band) (slot age) (slot duration_weeks) (slot improving) (slot sensation)
  (slot spread) (slot below_knee) (slot region) (slot daily_life) (slot new_back_pain)
  (slot constant_pain) (slot morning_stiffness) (slot better_with_exercise)
  (slot wakes_late_night) (slot alternating_buttock))
(deftemplate level (slot id) (slot rank))

(defrule aortic (case (id ?id) (aortic_signs yes)) => (assert (level (id ?id) (rank 0))))
(defrule aortic-unsure (case (id ?id) (aortic_signs unsure)) => (assert (level (id ?id) (rank 1))))
(defrule injury-severe (case (id ?id) (spine_injury yes|unsure) (injury_severe yes))
  => (assert (level (id ?id) (rank 0))))
(defrule emergency-flag
  (or (case (id ?id) (spine_injury yes|unsure)) (case (id ?id) (injury_severe unsure))
      (case (id ?id) (bladder_bowel yes|unsure)) (case (id ?id) (saddle_numbness yes|unsure))
      (case (id ?id) (both_legs yes|unsure)) (case (id ?id) (leg_weakness yes|unsure))
      (case (id ?id) (cancer_history yes|unsure) (chest_band yes|unsure)))
  => (assert (level (id ?id) (rank 1))))
(defrule urgent-flag
  (or (case (id ?id) (fever yes|unsure)) (case (id ?id) (cancer_history yes|unsure))
      (case (id ?id) (infection_risk yes|unsure)) (case (id ?id) (fragile_bones yes|unsure))
      (case (id ?id) (sudden_spine_pain yes|unsure)))
  => (assert (level (id ?id) (rank 2))))
(defrule soon-flag
  (or (case (id ?id) (weight_loss yes|unsure)) (case (id ?id) (night_pain yes|unsure))
      (case (id ?id) (back_lump yes|unsure)))
  => (assert (level (id ?id) (rank 3))))
(defrule child (case (id ?id) (age ?a&:(numberp ?a)&:(< ?a 16)))
  => (assert (level (id ?id) (rank 3))))
(defrule upper-back-check
  (case (id ?id) (region upper|both) (constant_pain ?c) (age ?a))
  (test (or (eq ?c yes) (and (numberp ?a) (>= ?a 50))))
  => (assert (level (id ?id) (rank 3))))
(defrule new-pain-over-50
  (case (id ?id) (age ?a&:(numberp ?a)&:(>= ?a 50)) (new_back_pain yes) (constant_pain ?c)
        (daily_life ?d) (duration_weeks ?w) (improving ?i))
  (test (or (eq ?c yes) (eq ?d yes) (and (numberp ?w) (>= ?w 4) (eq ?i no))))
  => (assert (level (id ?id) (rank 3))))
(defrule doctor
  (case (id ?id) (duration_weeks ?w&:(numberp ?w)) (improving ?i) (daily_life ?d) (age ?a)
        (morning_stiffness ?m) (better_with_exercise ?b) (wakes_late_night ?n)
        (alternating_buttock ?t))
  (test (or (>= ?w 12) (and (>= ?w 4) (eq ?i no)) (eq ?d yes)
            (and (numberp ?a) (>= ?a 60) (>= ?w 4) (eq ?i no))
            (and (>= ?w 12) (numberp ?a) (< ?a 45)
                 (>= (+ (if (eq ?m yes) then 1 else 0) (if (eq ?b yes) then 1 else 0)
                        (if (eq ?n yes) then 1 else 0) (if (eq ?t yes) then 1 else 0)) 2))))
  => (assert (level (id ?id) (rank 4))))
(defrule daily-life (case (id ?id) (daily_life yes)) => (assert (level (id ?id) (rank 4))))
(defrule self-care (case (id ?id) (duration_weeks ?w&:(numberp ?w)&:(< ?w 12)))
  => (assert (level (id ?id) (rank 5))))

; The most urgent level wins; once every rule has fired for a case.
(defrule report (declare (salience -10))
  ?c <- (case (id ?id) (aortic_signs ?f1) (spine_injury ?f2) (bladder_bowel ?f3)
              (saddle_numbness ?f4) (both_legs ?f5) (leg_weakness ?f6) (fever ?f7)
              (cancer_history ?f8) (infection_risk ?f9) (fragile_bones ?f10)
              (sudden_spine_pain ?f11) (weight_loss ?f12) (night_pain ?f13) (back_lump ?f14))
  (level (id ?id) (rank ?r))
  (not (level (id ?id) (rank ?r2&:(< ?r2 ?r))))
  =>
  (if (and (>= ?r 4) (member$ nil (create$ ?f1 ?f2 ?f3 ?f4 ?f5 ?f6 ?f7 ?f8 ?f9 ?f10 ?f11 ?f12
                                          ?f13 ?f14)))
   then (printout t ?id " incomplete" crlf)
   else (printout t ?id " " ?r crlf))
  (retract ?c))
(defrule no-level (declare (salience -20))
  ?c <- (case (id ?id))
  =>
  (printout t ?id " incomplete" crlf)
  (retract ?c))
