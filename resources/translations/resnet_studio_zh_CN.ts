<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ClassifyView</name>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="256"/>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="257"/>
        <source>Which model classifies the photos. ImageNet models know 1000 everyday categories; your own models know the categories you taught them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="260"/>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="276"/>
        <source>Open photos…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="261"/>
        <source>Choose photos to classify (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="262"/>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="277"/>
        <source>Open folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="263"/>
        <source>Classify every photo in a folder and its sub-folders (Ctrl+Shift+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="264"/>
        <source>Paste photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="265"/>
        <source>Classify an image or file paths from the clipboard (Ctrl+V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="266"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="267"/>
        <source>Save all results as a spreadsheet (CSV) file (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="268"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="269"/>
        <source>Remove all results from the list (Ctrl+Shift+Backspace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="270"/>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="271"/>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="587"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="272"/>
        <source>Stop classifying; results so far are kept (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="273"/>
        <source>Drop photos or folders here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="274"/>
        <source>Folders are searched with all their sub-folders. You can also paste an image or copied files with Ctrl+V.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="278"/>
        <source>Filter by label or file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="279"/>
        <source>Show only results whose label or file name contains this text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="280"/>
        <source>&amp;Sort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="282"/>
        <source>As added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="283"/>
        <source>Label (A–Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="284"/>
        <source>Most confident first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="285"/>
        <source>Least confident first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="289"/>
        <source>Only “not sure”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="290"/>
        <source>Show only results whose confidence is below the threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="291"/>
        <source>Only unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="292"/>
        <source>Show only files that could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="293"/>
        <source>Show top 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="294"/>
        <source>Show the five most likely labels on every card (click a card to open or close just that one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="296"/>
        <source>“Not sure” below:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="297"/>
        <source>Results whose top confidence is below this value are marked “not sure”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="298"/>
        <source>Hide this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="323"/>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="553"/>
        <source>Choose or download a model first; your photos will be classified then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="345"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="364"/>
        <source>Open photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="365"/>
        <source>Images ({exts});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="372"/>
        <source>Open a folder of photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="387"/>
        <source>The clipboard holds no image and no file paths.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="392"/>
        <source>There are no results to export yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="398"/>
        <source>Export results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="399"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="406"/>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="413"/>
        <source>Choose a model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="414"/>
        <source>Model files (*.safetensors *.pth *.pt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="473"/>
        <source>The classification engine could not start: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="478"/>
        <source>Loading model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="488"/>
        <source>{name} · {n} categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="501"/>
        <source>No model loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="506"/>
        <source>The ImageNet weights for {name} are not on this computer yet. Download them once (internet needed), or choose a weights file you already have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="508"/>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="588"/>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="509"/>
        <source>Choose a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="510"/>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="513"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="512"/>
        <source>This model could not be loaded: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="513"/>
        <source>Choose another model file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="525"/>
        <source>{n} file(s) were skipped because they are not images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="527"/>
        <source>No photos found in what you opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="555"/>
        <source>Classification stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="557"/>
        <source>Cancelled: {done} of {total} photos were classified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="560"/>
        <source>Classified {n} photos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="586"/>
        <source>Downloading the {name} weights…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="599"/>
        <source>Downloading the {name} weights… {done:.1f} of {total:.1f} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="606"/>
        <source>Download failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="607"/>
        <source>Download cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="617"/>
        <source>Saved {n} results to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="657"/>
        <source>Open the photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="658"/>
        <source>Show in folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="662"/>
        <source>Copy label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="663"/>
        <source>Copy file path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="671"/>
        <source>{n} photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="673"/>
        <source>{n} not sure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="675"/>
        <source>{n} could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="690"/>
        <source>Classifying {done} of {total}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="693"/>
        <source>Waiting for the model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify_view.py" line="694"/>
        <source>Looking for photos…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfusionMatrixWidget</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/confusion_matrix.py" line="43"/>
        <source>True category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/confusion_matrix.py" line="44"/>
        <source>Predicted category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/confusion_matrix.py" line="46"/>
        <source>Confusion matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/confusion_matrix.py" line="119"/>
        <source>No results yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/confusion_matrix.py" line="175"/>
        <source>{count} of {total} pictures of &apos;{true}&apos; were recognised ({share:.0f}%).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/confusion_matrix.py" line="177"/>
        <source>{count} of {total} pictures of &apos;{true}&apos; were taken for &apos;{pred}&apos; ({share:.0f}%).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatasetPanel</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="134"/>
        <source>1. Your pictures</source>
        <extracomment>Where &quot;Choose folder…&quot; starts when no folder is chosen yet (remembered by the view).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="135"/>
        <source>No folder chosen yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="136"/>
        <source>&amp;Choose folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="137"/>
        <source>Choose the folder that holds one sub-folder of pictures per category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="139"/>
        <source>Drop a folder here or choose one. Put the pictures of each category in its own sub-folder, for example cats/ and dogs/.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="142"/>
        <source>&amp;Sort by file name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="144"/>
        <source>Make category folders from the names of the pictures (cat_01.jpg goes into cat/). You see the plan first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="146"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="146"/>
        <source>Pictures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="146"/>
        <source>Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="155"/>
        <source>Choose a dataset folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="299"/>
        <source>Checking pictures: {done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="315"/>
        <source>The pictures could not be checked: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="337"/>
        <source>{train} for training, {val} for validation, {test} for the final test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="350"/>
        <source>{problem} The {count} pictures in it can be sorted into category folders by their file names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="355"/>
        <source>Looking at the folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="360"/>
        <source>{classes} categories, {images} pictures. Checking the pictures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="362"/>
        <source>{classes} categories, {images} pictures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="376"/>
        <source>All pictures could be read; no problems found.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <location filename="../../app/resnet_studio/gui/train_worker.py" line="71"/>
        <source>The computer ran out of memory. Try a smaller batch size or image size.</source>
        <extracomment>Batch events are forwarded in chunks at most this often (seconds): a fast run produces thousands of batches per second, and one queued signal per batch would flood the GUI thread.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_worker.py" line="76"/>
        <source>Something went wrong: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="157"/>
        <source>ResNet Studio</source>
        <extracomment>How long closing waits for a cancelled job to stop before giving up on it (ms).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="158"/>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="171"/>
        <source>Classify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="159"/>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="171"/>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="220"/>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="160"/>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="171"/>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="161"/>
        <source>Find out what is in your photos (Ctrl+1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="162"/>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="221"/>
        <source>Teach a model your own categories (Ctrl+2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="163"/>
        <source>See, rename, import and export models (Ctrl+3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="164"/>
        <source>Loading the Train view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="165"/>
        <source>The Train view is not available in this version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="166"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="167"/>
        <source>Recent folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="168"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="169"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="170"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="173"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="174"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="175"/>
        <source>Open the data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="176"/>
        <source>Where your trained models and settings are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="177"/>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="346"/>
        <source>About ResNet Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="179"/>
        <source>The model used to classify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="180"/>
        <source>Where the models run: the processor (CPU) or a graphics card (GPU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="246"/>
        <source>Stop and quit?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="247"/>
        <source>A job is still running. Stop it and quit ResNet Studio?

Results so far are kept on screen only; a model being trained is not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="285"/>
        <source>Loading engine…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="287"/>
        <source>Engine not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="321"/>
        <source>This translation is missing; showing English.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="333"/>
        <source>No recent folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="337"/>
        <source>Clear the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="347"/>
        <source>&lt;h3&gt;ResNet Studio {version}&lt;/h3&gt;&lt;p&gt;Classify photos with ResNet models and teach them your own categories — no code needed.&lt;/p&gt;&lt;p&gt;Built with PyTorch, torchvision and Qt.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="95"/>
        <source>ImageNet models (1000 everyday categories)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="99"/>
        <source>{name} (not downloaded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="101"/>
        <source>Your models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="103"/>
        <source>None yet: teach one in the Train tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="107"/>
        <source>{name} ({n} categories)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="110"/>
        <source>Choose a model file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="111"/>
        <source>Use a .safetensors model file or a torchvision .pth file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelsView</name>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="208"/>
        <source>ImageNet models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="209"/>
        <source>1000 categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="210"/>
        <source>Your models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="211"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="211"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="212"/>
        <source>Import model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="213"/>
        <source>Add a model file (.safetensors, or a torchvision .pth) to your models (Ctrl+I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="214"/>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="224"/>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="215"/>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="226"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="216"/>
        <source>Undo delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="217"/>
        <source>Bring back the model you deleted last (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="218"/>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="220"/>
        <source>Use in Classify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="219"/>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="222"/>
        <source>Download weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="221"/>
        <source>Classify photos with this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="223"/>
        <source>Download the ImageNet weights of this model (internet needed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="225"/>
        <source>Give this model a new name (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="227"/>
        <source>Delete this model; you can undo it (Del, then Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="228"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="229"/>
        <source>Save this model in a format other programs can use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="230"/>
        <source>ONNX (.onnx)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="231"/>
        <source>TorchScript (.pt)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="232"/>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="232"/>
        <source>Parameters per stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="232"/>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="233"/>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="233"/>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="235"/>
        <source>Architecture:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="235"/>
        <source>Input size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="235"/>
        <source>Categories:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="236"/>
        <source>Parameters:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="236"/>
        <source>Weights:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="237"/>
        <source>Validation accuracy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="237"/>
        <source>Created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="238"/>
        <source>Trained on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="238"/>
        <source>Training:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="241"/>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="241"/>
        <source>Blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="241"/>
        <source>Output channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="242"/>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="242"/>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="243"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="243"/>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="243"/>
        <source>Recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="244"/>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="245"/>
        <source>Hide this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="287"/>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="379"/>
        <source>on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="287"/>
        <source>not downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="304"/>
        <source>{n} categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="306"/>
        <source>{acc:.0%} accurate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="312"/>
        <source>damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="318"/>
        <source>None yet: teach one in the Train tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="365"/>
        <source>Choose a model on the left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="366"/>
        <source>ImageNet models recognise 1000 everyday categories; your own models recognise what you taught them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="375"/>
        <source>{block} blocks, stages of {layers}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="379"/>
        <source>not downloaded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="415"/>
        <source>working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="431"/>
        <source>{crop} × {crop} pixels (photos are resized to {resize} first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="435"/>
        <source>{total} in total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="437"/>
        <source> (small-image stem)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="438"/>
        <source>stem (conv1 + bn1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="438"/>
        <source>classifier (fc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="475"/>
        <source>Downloading weights…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="477"/>
        <source>Downloading weights… {done:.0f} of {total:.0f} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="478"/>
        <source>Weights downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="480"/>
        <source>Download failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="489"/>
        <source>Rename model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="489"/>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="494"/>
        <source>A model needs a name; the name cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="498"/>
        <source>Rename failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="505"/>
        <source>Model renamed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="522"/>
        <source>“{name}” was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="523"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="524"/>
        <source>“{name}” was deleted. Press Ctrl+Z to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="542"/>
        <source>Model restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="551"/>
        <source>Import a model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="552"/>
        <source>Model files (*.safetensors *.pth *.pt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="557"/>
        <source>Import failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="559"/>
        <source>Importing {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="565"/>
        <source>Model imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="574"/>
        <source>ONNX model (*.onnx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="574"/>
        <source>TorchScript model (*.pt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="575"/>
        <source>Export model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="579"/>
        <source>Exported to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="580"/>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="582"/>
        <source>Exporting… (this checks the exported model gives the same answers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models_view.py" line="595"/>
        <source>Show in folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SortPreviewDialog</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="103"/>
        <source>Sort pictures by file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="105"/>
        <source>These pictures are not in category folders yet. The category names below were found in the file names; edit them if needed. The pictures are copied, the original folder is not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="108"/>
        <source>&amp;Categories:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="109"/>
        <source>Category names separated by commas, e.g. cat, dog, bird.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="110"/>
        <source>&amp;Update preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="111"/>
        <source>Picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="111"/>
        <source>Goes into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="112"/>
        <source>Copy &amp;into:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="113"/>
        <source>A new folder for the sorted pictures (it is created if needed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="114"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="115"/>
        <source>&amp;Copy pictures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="116"/>
        <source>Copy each picture into the folder of its category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="126"/>
        <source>Reading the file names…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="172"/>
        <source>{category} ({count} pictures)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="177"/>
        <source>No category name in the file name ({count} pictures)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="178"/>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="180"/>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="184"/>
        <source>not copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="183"/>
        <source>More than one category name ({count} pictures)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="193"/>
        <source>{count} pictures will be copied into {folders} category folders; {left} stay out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="200"/>
        <source>Choose where to put the sorted pictures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="209"/>
        <source>Choose a folder to copy the sorted pictures into.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainProgress</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="42"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="43"/>
        <source>Stop training. The best model so far is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="44"/>
        <source>Progress of the whole training run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="65"/>
        <source>{done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="109"/>
        <source>Getting ready: reading the folder and loading the network…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="110"/>
        <source>Looking at every picture once (this makes the epochs fast)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="111"/>
        <source>Training…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="112"/>
        <source>Testing the model on the validation pictures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="113"/>
        <source>Saving the model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="120"/>
        <source>Not training. Choose your pictures, then press Start training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="122"/>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="130"/>
        <source>Epoch {epoch} of {epochs} · {speed} pictures/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="133"/>
        <source>Epoch {epoch} of {epochs} · {speed} pictures/s · about {eta} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="137"/>
        <source>Stopping after the current step…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="141"/>
        <source>Training finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="142"/>
        <source>Training was cancelled. The best model so far was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="143"/>
        <source>Training was cancelled before the first epoch ended; no model was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="144"/>
        <source>Training failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="154"/>
        <source>After epoch {epoch}: {val} right on the validation pictures (best so far {best}), loss {loss:.3f}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainSettingsPanel</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="128"/>
        <source>Smallest and fastest; a good start on a laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="129"/>
        <source>A little deeper than ResNet-18; a bit more accurate, a bit slower.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="130"/>
        <source>The classic all-rounder; more accurate, slower.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="131"/>
        <source>Deep and accurate; best with a graphics card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="132"/>
        <source>The deepest ResNet; best with a graphics card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="133"/>
        <source>Grouped convolutions: about the speed of ResNet-50, more accurate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="134"/>
        <source>Large and accurate; needs a graphics card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="135"/>
        <source>Twice as wide as ResNet-50; accurate and heavy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="140"/>
        <source>2. Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="141"/>
        <source>Model &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="142"/>
        <source>For example: Leaf diseases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="143"/>
        <source>How the new model is called in your model list. You can change it after training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="145"/>
        <source>Advanced settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="146"/>
        <source>Show or hide the settings most people never need to change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="148"/>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="155"/>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="156"/>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="157"/>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="149"/>
        <source>Last layer only (fastest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="150"/>
        <source>Last block and last layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="151"/>
        <source>The whole network (slowest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="158"/>
        <source>Start from ImageNet knowledge (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="159"/>
        <source>Vary the training pictures (flips, crops, colours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="162"/>
        <source>&amp;Architecture:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="162"/>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="185"/>
        <source>Bigger networks can be more accurate but train and run slower.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="163"/>
        <source>&amp;What to train:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="163"/>
        <source>Training less of the network is faster and needs fewer pictures; Automatic decides from your dataset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="164"/>
        <source>Starting point:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="164"/>
        <source>Off means learning from scratch: needs many more pictures and epochs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="165"/>
        <source>&amp;Epochs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="165"/>
        <source>How many times the model sees every training picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="166"/>
        <source>&amp;Batch size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="166"/>
        <source>Pictures processed together; lower it if the computer runs out of memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="167"/>
        <source>&amp;Learning rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="167"/>
        <source>How big each learning step is; too high makes training unstable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="168"/>
        <source>&amp;Image size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="168"/>
        <source>Pictures are resized to this; smaller is faster, larger sees finer detail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="169"/>
        <source>Augmentation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="169"/>
        <source>Random changes to the pictures help the model generalise to new photos.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainTime</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_common.py" line="61"/>
        <source>{s} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_common.py" line="63"/>
        <source>{m} min {s} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_common.py" line="64"/>
        <source>{h} h {m} min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainView</name>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="139"/>
        <source>Start training</source>
        <extracomment>Extra ``TrainConfig`` values the view always passes (tests may change them). Replaces ``engine.train.train`` when set (see :class:`TrainWorker`; benchmarks).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="140"/>
        <source>Training curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="141"/>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="142"/>
        <source>Live curves of how well the model is learning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="143"/>
        <source>Accuracy, mistakes and saving the model, after training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="189"/>
        <source>A model is being trained.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="191"/>
        <source>Train a new model on these pictures (Ctrl+Enter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="193"/>
        <source>Choose a folder with at least two categories of pictures first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingPlots</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="114"/>
        <source>Loss (lower is better)</source>
        <extracomment>Weight of history in the smoothed loss (exponential moving average, bias-corrected).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="115"/>
        <source>Accuracy (higher is better)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="116"/>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="117"/>
        <source>Epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="118"/>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="119"/>
        <source>Accuracy (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="121"/>
        <source>How wrong the model still is. The thin line is each batch, the thick line its smoothed trend, the dots are measured on the validation pictures after each epoch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="125"/>
        <source>Share of pictures put in the right category after each epoch: on the validation pictures (which the model never learns from) and on the training pictures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="130"/>
        <source>Training (each batch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="131"/>
        <source>Training (smoothed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="132"/>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="135"/>
        <source>Validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="136"/>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingResults</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="146"/>
        <source>&amp;Name:</source>
        <extracomment>Opens a misclassified picture; replaceable so tests do not launch a viewer.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="147"/>
        <source>A name for this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="148"/>
        <source>The name this model gets in the model list and its file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="149"/>
        <source>&amp;Save model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="150"/>
        <source>Keep this model under the name you typed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="151"/>
        <source>&amp;Use this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="152"/>
        <source>Switch to the Classify view with this model selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="154"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="154"/>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="154"/>
        <source>Recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="154"/>
        <source>Pictures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="157"/>
        <source>The category (one sub-folder of your dataset).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="158"/>
        <source>Of the pictures the model put in this category, the share that really belong there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="159"/>
        <source>Of the pictures of this category, the share the model recognised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="160"/>
        <source>How many validation pictures of this category were tested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="166"/>
        <source>Per category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="167"/>
        <source>Confusion matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="168"/>
        <source>Mistakes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="169"/>
        <source>Rows are the true categories, columns what the model said. Everything off the diagonal is a mistake.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="171"/>
        <source>Validation pictures the model got wrong, the surest mistakes first. Click a picture to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="229"/>
        <source>No model was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="230"/>
        <source>Training was stopped before the first epoch ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="234"/>
        <source>Accuracy on the validation pictures: {accuracy}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="238"/>
        <source>Training was stopped after {epochs} epochs ({duration}). The best model so far (epoch {best}) was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="241"/>
        <source>Trained for {epochs} epochs in {duration}; the best was epoch {best}, and that is the model kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="247"/>
        <source>Saved as {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="250"/>
        <source>Kept for now as {file}. Type a name and save it to find it easily.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="299"/>
        <source>{true} → {predicted}
{confidence} sure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="302"/>
        <source>This is &apos;{true}&apos; but the model said &apos;{predicted}&apos; ({confidence} sure).
{path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Zoo</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="15"/>
        <source>Smallest and fastest; a good start on a laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="16"/>
        <source>A little deeper than ResNet-18.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="17"/>
        <source>The classic all-rounder; more accurate, slower.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="18"/>
        <source>Deep and accurate; best with a GPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="19"/>
        <source>The deepest ResNet; best with a GPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="20"/>
        <source>Grouped convolutions: ResNet-50 speed, better accuracy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="21"/>
        <source>Large and accurate; needs a GPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="22"/>
        <source>Twice as wide as ResNet-50; accurate, heavy.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
