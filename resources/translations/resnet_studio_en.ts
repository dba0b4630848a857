<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>CellPictures</name>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/cell_pictures.py" line="250" />
        <source>%n pictures of '{true}' were recognised.</source>
        <translation>
            <numerusform>%n picture of '{true}' was recognised.</numerusform>
            <numerusform>%n pictures of '{true}' were recognised.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/cell_pictures.py" line="252" />
        <source>%n pictures of '{true}' were taken for '{pred}'.</source>
        <translation>
            <numerusform>%n picture of '{true}' was taken for '{pred}'.</numerusform>
            <numerusform>%n pictures of '{true}' were taken for '{pred}'.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/cell_pictures.py" line="280" />
        <source>%n pictures moved. Train again to learn from the changed folder.</source>
        <translation>
            <numerusform>%n picture moved. Train again to learn from the changed folder.</numerusform>
            <numerusform>%n pictures moved. Train again to learn from the changed folder.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassifyView</name>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="485" />
        <source>%n result(s) shown are from an earlier model, not from {model}.</source>
        <translation>
            <numerusform>%n result shown is from an earlier model, not from {model}.</numerusform>
            <numerusform>%n results shown are from an earlier model, not from {model}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="511" />
        <source>%n files were skipped because they are not images.</source>
        <translation>
            <numerusform>%n file was skipped because it is not an image.</numerusform>
            <numerusform>%n files were skipped because they are not images.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="522" />
        <source>%n files were skipped because they are not pictures: {names}</source>
        <translation>
            <numerusform>%n file was skipped because it is not a picture: {names}</numerusform>
            <numerusform>%n files were skipped because they are not pictures: {names}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="559" />
        <source>Cancelled: {done} of %n photos were classified.</source>
        <translation>
            <numerusform>Cancelled: {done} of %n photo was classified.</numerusform>
            <numerusform>Cancelled: {done} of %n photos were classified.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="562" />
        <source>Classified %n photos.</source>
        <translation>
            <numerusform>Classified %n photo.</numerusform>
            <numerusform>Classified %n photos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="574" />
        <source>Classified %n photo(s) again with {model}.</source>
        <translation>
            <numerusform>Classified %n photo again with {model}.</numerusform>
            <numerusform>Classified %n photos again with {model}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="663" />
        <source>%n photos</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="669" />
        <source>%n from an earlier model</source>
        <translation>
            <numerusform>%n from an earlier model</numerusform>
            <numerusform>%n from an earlier model</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CsvExport</name>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/export.py" line="52" />
        <source>Saved %n results to {path}</source>
        <translation>
            <numerusform>Saved %n result to {path}</numerusform>
            <numerusform>Saved %n results to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="196" />
        <source>Cancelled after %n checks.</source>
        <translation>
            <numerusform>Cancelled after %n check.</numerusform>
            <numerusform>Cancelled after %n checks.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabelView</name>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/label/view.py" line="227" />
        <source>%n labelled picture(s) restored</source>
        <translation>
            <numerusform>%n labelled picture restored</numerusform>
            <numerusform>%n labelled pictures restored</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/label/view.py" line="314" />
        <source>Label %n picture(s) “%1”</source>
        <translation>
            <numerusform>Label %n picture “%1”</numerusform>
            <numerusform>Label %n pictures “%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/label/view.py" line="315" />
        <source>Unlabel %n picture(s)</source>
        <translation>
            <numerusform>Unlabel %n picture</numerusform>
            <numerusform>Unlabel %n pictures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/label/view.py" line="332" />
        <location filename="../../app/resnet_studio/gui/label/view.py" line="353" />
        <source>Accept %n suggestion(s)</source>
        <translation>
            <numerusform>Accept %n suggestion</numerusform>
            <numerusform>Accept %n suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/label/view.py" line="341" />
        <source>Label %n picture(s) as suggested?</source>
        <translation>
            <numerusform>Label %n picture as suggested?</numerusform>
            <numerusform>Label %n pictures as suggested?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/label/view.py" line="508" />
        <source>%n picture(s) copied into %1</source>
        <translation>
            <numerusform>%n picture copied into %1</numerusform>
            <numerusform>%n pictures copied into %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/label/view.py" line="515" />
        <source>%n picture(s) copied into one folder per category.</source>
        <translation>
            <numerusform>%n picture copied into one folder per category.</numerusform>
            <numerusform>%n pictures copied into one folder per category.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/label/view.py" line="517" />
        <source>%n picture(s) could not be copied.</source>
        <translation>
            <numerusform>%n picture could not be copied.</numerusform>
            <numerusform>%n pictures could not be copied.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/label/view.py" line="527" />
        <source>%1 — %n picture(s)</source>
        <translation>
            <numerusform>%1 — %n picture</numerusform>
            <numerusform>%1 — %n pictures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/label/view.py" line="538" />
        <source>Accept all %n above the threshold</source>
        <translation>
            <numerusform>Accept the %n above the threshold</numerusform>
            <numerusform>Accept all %n above the threshold</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/label/view.py" line="554" />
        <source>%n picture(s) with a suggestion</source>
        <translation>
            <numerusform>%n picture with a suggestion</numerusform>
            <numerusform>%n pictures with a suggestion</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/main_window.py" line="460" />
        <source>CPU · %n threads</source>
        <translation>
            <numerusform>CPU · %n thread</numerusform>
            <numerusform>CPU · %n threads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReliabilityTable</name>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/reliability.py" line="116" />
        <source>Checked on %n pictures: each one judged by a model trained without it. The confidence the app shows has been adjusted to match.</source>
        <translation>
            <numerusform>Checked on %n picture: each one judged by a model trained without it. The confidence the app shows has been adjusted to match.</numerusform>
            <numerusform>Checked on %n pictures: each one judged by a model trained without it. The confidence the app shows has been adjusted to match.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/reliability.py" line="119" />
        <source>Checked on %n validation pictures. The confidence the app shows has been adjusted to match.</source>
        <translation>
            <numerusform>Checked on %n validation picture. The confidence the app shows has been adjusted to match.</numerusform>
            <numerusform>Checked on %n validation pictures. The confidence the app shows has been adjusted to match.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/reliability.py" line="121" />
        <source>Only %n validation pictures: too few to adjust the confidence, so it is the network's own.</source>
        <translation>
            <numerusform>Only %n validation picture: too few to adjust the confidence, so it is the network's own.</numerusform>
            <numerusform>Only %n validation pictures: too few to adjust the confidence, so it is the network's own.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetrainFlow</name>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="370" />
        <source>%n photos added to the training folder of {name}.</source>
        <translation>
            <numerusform>%n photo added to the training folder of {name}.</numerusform>
            <numerusform>%n photos added to the training folder of {name}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SortDialog</name>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="232" />
        <source>Moved %n pictures.</source>
        <translation>
            <numerusform>Moved %n picture.</numerusform>
            <numerusform>Moved %n pictures.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="233" />
        <source>Copied %n pictures.</source>
        <translation>
            <numerusform>Copied %n picture.</numerusform>
            <numerusform>Copied %n pictures.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="235" />
        <source>%n pictures stayed where they were (they could not be read or placed).</source>
        <translation>
            <numerusform>%n picture stayed where it was (it could not be read or placed).</numerusform>
            <numerusform>%n pictures stayed where they were (they could not be read or placed).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="267" />
        <source>Undone: %n pictures are back where they were.</source>
        <translation>
            <numerusform>Undone: %n picture is back where it was.</numerusform>
            <numerusform>Undone: %n pictures are back where they were.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="269" />
        <source>Undone: %n copies removed.</source>
        <translation>
            <numerusform>Undone: %n copy removed.</numerusform>
            <numerusform>Undone: %n copies removed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="271" />
        <source>%n files were changed after the sort and were kept.</source>
        <translation>
            <numerusform>%n file was changed after the sort and was kept.</numerusform>
            <numerusform>%n files were changed after the sort and were kept.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SortPreviewDialog</name>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="172" />
        <source>{category} (%n pictures)</source>
        <translation>
            <numerusform>{category} (%n picture)</numerusform>
            <numerusform>{category} (%n pictures)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="177" />
        <source>No category name in the file name (%n pictures)</source>
        <translation>
            <numerusform>No category name in the file name (%n picture)</numerusform>
            <numerusform>No category name in the file name (%n pictures)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="183" />
        <source>More than one category name (%n pictures)</source>
        <translation>
            <numerusform>More than one category name (%n picture)</numerusform>
            <numerusform>More than one category name (%n pictures)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SuspiciousLabelsPanel</name>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/suspicious_labels.py" line="325" />
        <source>%n picture(s) may be in the wrong folder, most suspicious first.</source>
        <translation>
            <numerusform>%n picture may be in the wrong folder, most suspicious first.</numerusform>
            <numerusform>%n pictures may be in the wrong folder, most suspicious first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainSettingsPanel</name>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="340" />
        <source>%n epochs</source>
        <translation>
            <numerusform>%n epoch</numerusform>
            <numerusform>%n epochs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainView</name>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/train_view.py" line="286" />
        <source>%n epochs</source>
        <translation>
            <numerusform>%n epoch</numerusform>
            <numerusform>%n epochs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainingResults</name>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="369" />
        <source>Training was stopped after %n epochs ({duration}). The best model so far (epoch {best}) was kept.</source>
        <translation>
            <numerusform>Training was stopped after %n epoch ({duration}). The best model so far (epoch {best}) was kept.</numerusform>
            <numerusform>Training was stopped after %n epochs ({duration}). The best model so far (epoch {best}) was kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="372" />
        <source>Trained for %n epochs in {duration}; the best was epoch {best}, and that is the model kept.</source>
        <translation>
            <numerusform>Trained for %n epoch in {duration}; the best was epoch {best}, and that is the model kept.</numerusform>
            <numerusform>Trained for %n epochs in {duration}; the best was epoch {best}, and that is the model kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="387" />
        <source>Trained {what} of {arch}, %n epochs, batch size {batch}, learning rate {lr:g}.</source>
        <translation>
            <numerusform>Trained {what} of {arch}, %n epoch, batch size {batch}, learning rate {lr:g}.</numerusform>
            <numerusform>Trained {what} of {arch}, %n epochs, batch size {batch}, learning rate {lr:g}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="314" />
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="395" />
        <source>%n pictures could not be read and were left out.</source>
        <translation>
            <numerusform>%n picture could not be read and was left out.</numerusform>
            <numerusform>%n pictures could not be read and were left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="307" />
        <source>%n pictures tested.</source>
        <translation>
            <numerusform>%n picture tested.</numerusform>
            <numerusform>%n pictures tested.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="310" />
        <source>%n files were left out: not pictures, or of a category the model does not know.</source>
        <translation>
            <numerusform>%n file was left out: not a picture, or of a category the model does not know.</numerusform>
            <numerusform>%n files were left out: not pictures, or of a category the model does not know.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="411" />
        <source>it is right about as often as a random pick among %n categories</source>
        <translation>
            <numerusform>it is right about as often as a random pick among %n categories</numerusform>
            <numerusform>it is right about as often as a random pick among %n categories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="591" />
        <source>Train again with the same settings on the folder with the %n pictures you moved.</source>
        <translation>
            <numerusform>Train again with the same settings on the folder with the %n picture you moved.</numerusform>
            <numerusform>Train again with the same settings on the folder with the %n pictures you moved.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="698" />
        <source>%n pictures could not be shown: {reason}</source>
        <translation>
            <numerusform>%n picture could not be shown: {reason}</numerusform>
            <numerusform>%n pictures could not be shown: {reason}</numerusform>
        </translation>
    </message>
</context>
</TS>